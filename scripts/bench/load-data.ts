// The data of `npm run bench:load` (scripts/bench/load.ts): the national-scale register of `npm run bench`
// (generate.ts) for the public pages, then the demo seed (prisma/seed.ts) on top for logged-in providers with voucher
// clients in service. Returns what the load needs: producers to open and providers with the choices they record on.
import { mkdirSync } from 'node:fs'
import { dirname, resolve } from 'node:path'
import { PGlite } from '@electric-sql/pglite'
import type { PrismaClient } from '../../app/generated/prisma/client'
import { helsinkiToday } from '../../app/modules/documents/dates'
import { prismaForPGlite, prismaForPostgres } from '../../app/utils/db.server'
import { seed } from '../../prisma/seed'
import { migrateAndGenerate } from './generate'

export type LoadProvider = { email: string; organisationId: string; choiceIds: string[] }
/** `counts`: rows per table after both (the register and the demo seed together). */
export type LoadData = { publicOrganisationIds: string[]; providers: LoadProvider[]; counts: Record<string, number>; seconds: number }

export type LoadDatabase = { databaseUrl?: string; pgliteDir?: string }

async function withPrisma<T>(target: LoadDatabase, work: (prisma: PrismaClient) => Promise<T>): Promise<T> {
  if (target.databaseUrl) {
    const prisma = prismaForPostgres(target.databaseUrl)
    try {
      return await work(prisma)
    } finally {
      await prisma.$disconnect()
    }
  }
  const dir = resolve(target.pgliteDir!)
  mkdirSync(dirname(dir), { recursive: true })
  const pglite = new PGlite(dir)
  const prisma = prismaForPGlite(pglite)
  try {
    return await work(prisma)
  } finally {
    await prisma.$disconnect()
    await pglite.close()
  }
}

/**
 * Providers (owners and editors, who need no second factor) with the accepted choices they may record on today:
 * the voucher in force and today inside the choice's period.
 */
async function providersRecordingToday(prisma: PrismaClient, maxProviders: number): Promise<LoadProvider[]> {
  const today = new Date(`${helsinkiToday()}T00:00:00Z`)
  const choices = await prisma.choice.findMany({
    where: {
      status: 'ACCEPTED',
      startDate: { lte: today },
      OR: [{ endDate: null }, { endDate: { gte: today } }],
      voucher: { status: { in: ['ASSIGNED', 'ACTIVE'] }, validFrom: { lte: today }, validTo: { gte: today } },
    },
    select: { id: true, offer: { select: { organisationId: true } } },
    orderBy: { id: 'asc' },
  })
  const byOrganisation = new Map<string, string[]>()
  for (const choice of choices) byOrganisation.set(choice.offer.organisationId, [...(byOrganisation.get(choice.offer.organisationId) ?? []), choice.id])
  const members = await prisma.membership.findMany({
    where: { organisationId: { in: [...byOrganisation.keys()] }, user: { staffRole: null, passwordHash: { not: null } } },
    select: { organisationId: true, user: { select: { email: true } } },
    orderBy: { userId: 'asc' },
  })
  return members
    .slice(0, maxProviders)
    .map((member) => ({ email: member.user.email, organisationId: member.organisationId, choiceIds: byOrganisation.get(member.organisationId)! }))
}

/** Migrates and fills an empty database (the register, then the demo seed); uploads go to `uploadDir`. */
export async function prepareLoadData(target: LoadDatabase, options: { uploadDir: string; maxProviders: number }): Promise<LoadData> {
  const started = performance.now()
  const generated = await migrateAndGenerate(target)
  const { providers, summary } = await withPrisma(target, async (prisma) => {
    const summary = await seed(prisma, { uploadDir: options.uploadDir })
    return { providers: await providersRecordingToday(prisma, options.maxProviders), summary }
  })
  return { publicOrganisationIds: generated.publicOrganisationIds, providers, counts: summary, seconds: (performance.now() - started) / 1000 }
}
