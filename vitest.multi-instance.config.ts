import { defineConfig } from 'vitest/config'

/**
 * `npm run test:multi-instance`: two instances of the production build (./build) on one PostgreSQL (DATABASE_URL)
 * — see tests/multi-instance/two-instances.test.ts. Kept out of the unit and integration projects: it needs a
 * build and a real server, and starts processes.
 */
export default defineConfig({
  resolve: { alias: { '~': new URL('./app', import.meta.url).pathname, '#emails': new URL('./emails', import.meta.url).pathname } },
  test: {
    name: 'multi-instance',
    include: ['tests/multi-instance/**/*.test.ts'],
    fileParallelism: false,
    testTimeout: 120_000,
    hookTimeout: 180_000,
  },
})
