import { PGlite } from '@electric-sql/pglite'
import { describe, expect, it } from 'vitest'
import { prisma } from '~/utils/db.server'
import { applyMigrations, pgliteConnection, readMigrations } from '~/utils/migrate.server'

async function someUserId() {
  const user = await prisma.user.create({ data: { email: `u${Math.random()}@example.com`, name: 'Test' } })
  return user.id
}

describe('migrations', () => {
  it('apply once, record Prisma bookkeeping rows, and are a no-op the second time', async () => {
    const pglite = new PGlite()
    const connection = pgliteConnection(pglite)
    const migrations = readMigrations()
    expect(await applyMigrations(connection, migrations)).toEqual(migrations.map((m) => m.name))
    expect(await applyMigrations(connection, migrations)).toEqual([])
    const rows = await connection.query<{ migration_name: string; checksum: string }>(
      'SELECT migration_name, checksum FROM "_prisma_migrations" ORDER BY migration_name',
    )
    expect(rows).toEqual(migrations.map((m) => ({ migration_name: m.name, checksum: m.checksum })))
    await connection.close()
  })

  it('refuse a migration that was edited after it was applied', async () => {
    const pglite = new PGlite()
    const connection = pgliteConnection(pglite)
    const [first] = readMigrations()
    if (!first) throw new Error('no migrations')
    await applyMigrations(connection, [first])
    await expect(applyMigrations(connection, [{ ...first, checksum: 'edited' }])).rejects.toThrow(/changed after it was applied/)
    await connection.close()
  })
})

describe('invariants enforced by the database', () => {
  it('the audit log refuses updates and deletes', async () => {
    const event = await prisma.auditEvent.create({ data: { action: 'test', entityType: 'Test', entityId: '1' } })
    await expect(prisma.auditEvent.update({ where: { id: event.id }, data: { action: 'changed' } })).rejects.toThrow()
    await expect(prisma.auditEvent.delete({ where: { id: event.id } })).rejects.toThrow()
    await expect(prisma.$executeRawUnsafe('TRUNCATE "AuditEvent"')).rejects.toThrow()
    expect(await prisma.auditEvent.count()).toBe(1)
  })

  it("a voucher month's used units can never exceed the granted units, and a voucher has one open choice", async () => {
    const issuedById = await someUserId()
    await prisma.municipality.create({
      data: { code: '545', nameFi: 'Närpiö', nameSv: 'Närpes', officialLanguages: ['sv'], latitude: 62.47, longitude: 21.33 },
    })
    const category = await prisma.serviceCategory.create({
      data: { code: 'home-care', nameFi: 'Kotihoito', nameSv: 'Hemvård', nameEn: 'Home care', unit: 'HOUR', voucherType: 'FIXED' },
    })
    const client = await prisma.client.create({
      data: {
        firstName: 'Test',
        lastName: 'Client',
        dateOfBirth: new Date('1940-01-01'),
        identityCodeCipher: 'x',
        identityCodeHash: 'h',
        municipalityCode: '545',
        preferredLanguage: 'sv',
      },
    })
    const voucher = await prisma.voucher.create({
      data: {
        code: 'ABCD-EFGH',
        clientId: client.id,
        categoryId: category.id,
        decisionNumber: '1/2026',
        decisionDate: new Date('2026-01-01'),
        validFrom: new Date('2026-01-01'),
        validTo: new Date('2026-12-31'),
        unitsPerMonth: 10,
        valueCents: 3000,
        valueBasis: 'FIXED',
        issuedById,
      },
    })
    const month = await prisma.voucherMonth.create({
      data: { voucherId: voucher.id, month: new Date('2026-11-01'), unitsGranted: 1000 },
    })
    const where = { voucherId_month: { voucherId: month.voucherId, month: month.month } }
    await prisma.voucherMonth.update({ where, data: { unitsUsed: { increment: 1000 } } })
    await expect(prisma.voucherMonth.update({ where, data: { unitsUsed: { increment: 1 } } })).rejects.toThrow()
    expect((await prisma.voucherMonth.findUniqueOrThrow({ where })).unitsUsed).toBe(1000)
    await expect(
      prisma.voucher.update({ where: { id: voucher.id }, data: { unitsTotal: 5 } }),
    ).rejects.toThrow()

    const organisation = await prisma.organisation.create({
      data: {
        name: 'Närpes hemvård Ab',
        businessId: '0000000-0',
        legalForm: 'COMPANY',
        sector: 'PRIVATE',
        streetAddress: 'Köpmansgatan 1',
        postalCode: '64200',
        postOffice: 'Närpes',
        municipalityCode: '545',
        phone: '+358 6 000 0000',
        email: 'info@example.com',
      },
    })
    const offer = await prisma.offer.create({
      data: { organisationId: organisation.id, categoryId: category.id, priceCents: 3500, languages: ['sv'] },
    })
    const first = await prisma.choice.create({ data: { voucherId: voucher.id, offerId: offer.id, status: 'ACCEPTED' } })
    await expect(prisma.choice.create({ data: { voucherId: voucher.id, offerId: offer.id } })).rejects.toThrow()
    await prisma.choice.update({ where: { id: first.id }, data: { status: 'ENDED' } })
    await prisma.choice.create({ data: { voucherId: voucher.id, offerId: offer.id } })
  })
})
