import { readFileSync } from 'node:fs'
import { PGlite } from '@electric-sql/pglite'
import { afterAll, inject } from 'vitest'
import { prismaForPGlite, prismaForPostgres } from '../../app/utils/db.server'
import { postgresConnection } from '../../app/utils/migrate.server'

/**
 * Gives each integration test file its own freshly migrated database, installed as the process's database
 * before any app module asks for it: an in-memory PGlite loaded from the template, or, when DATABASE_URL is set,
 * a PostgreSQL database copied from the template database.
 */
async function createTestDatabase() {
  const databaseUrl = process.env.DATABASE_URL
  if (databaseUrl) {
    const name = `palvelutori_test_${process.pid}_${Math.random().toString(36).slice(2, 8)}`
    const admin = await postgresConnection(databaseUrl)
    for (let attempt = 0; ; attempt++) {
      try {
        await admin.exec(`CREATE DATABASE ${name} TEMPLATE ${inject('postgresTemplateDatabase')}`)
        break
      } catch (error) {
        // two files copying the template at the same moment: try again shortly
        if (attempt >= 20 || !/being accessed by other users/.test(String(error))) throw error
        await new Promise((resolve) => setTimeout(resolve, 100 + Math.random() * 200))
      }
    }
    const url = new URL(databaseUrl)
    url.pathname = `/${name}`
    const prisma = prismaForPostgres(url.toString())
    return {
      prisma,
      close: async () => {
        await prisma.$disconnect()
        await admin.exec(`DROP DATABASE IF EXISTS ${name} WITH (FORCE)`)
        await admin.close()
      },
    }
  }
  const pglite = new PGlite({ loadDataDir: new Blob([readFileSync(inject('pgliteTemplatePath'))]) })
  const prisma = prismaForPGlite(pglite)
  return {
    prisma,
    pglite,
    close: async () => {
      await prisma.$disconnect()
      await pglite.close()
    },
  }
}

globalThis.__palvelutoriDb = await createTestDatabase()

afterAll(async () => {
  await globalThis.__palvelutoriDb?.close()
  globalThis.__palvelutoriDb = undefined
})
