/// <reference types="vitest/config" />
import { vitePlugin as remix } from '@remix-run/dev'
import tailwindcss from '@tailwindcss/vite'
import { defineConfig } from 'vite'
import { remixOptions } from './remix.config.js'

declare module '@remix-run/node' {
  interface Future {
    v3_singleFetch: true
  }
}

const isVitest = Boolean(process.env.VITEST)

export default defineConfig({
  plugins: isVitest ? [] : [tailwindcss(), remix(remixOptions)],
  resolve: { alias: { '~': new URL('./app', import.meta.url).pathname, '#emails': new URL('./emails', import.meta.url).pathname } },
  server: { port: 3000 },
  optimizeDeps: {
    exclude: [
      '@node-rs/argon2',
      'i18next-fs-backend',
      '@electric-sql/pglite',
      'pglite-prisma-adapter',
      '@prisma/adapter-pg',
      '@prisma/client',
      'remix-i18next/server',
      'nodemailer',
    ],
    include: ['i18next', 'react-i18next', 'remix-i18next/client', 'remix-i18next/react'],
  },
  test: {
    projects: [
      {
        extends: true,
        test: {
          name: 'unit',
          include: ['{app,emails,scripts,prisma}/**/*.test.{ts,tsx}'],
          exclude: ['**/*.integration.test.ts', '**/node_modules/**'],
        },
      },
      {
        extends: true,
        test: {
          name: 'integration',
          include: ['{app,prisma}/**/*.integration.test.ts', 'tests/integration/**/*.test.ts'],
          globalSetup: ['tests/setup/global-db.ts'],
          setupFiles: ['tests/setup/test-db.ts'],
          testTimeout: 30_000,
          hookTimeout: 60_000,
        },
      },
    ],
  },
})
