import { describe, expect, it } from 'vitest'
import { prisma } from '~/utils/db.server'
import type { RulebookInput } from './schema'
import { createRulebookVersion, listRulebooks, rulebookInForce } from './service.server'

const day = (iso: string) => new Date(`${iso}T00:00:00.000Z`)
/** The tests' clock: 10 March 2026, noon in Helsinki. */
const now = new Date('2026-03-10T10:00:00Z')

function input(version: string, effectiveFrom: string): RulebookInput {
  return {
    version,
    effectiveFrom,
    titleFi: `Sääntökirja ${version}`,
    titleSv: `Regelbok ${version}`,
    titleEn: `Rulebook ${version}`,
    bodyFi: 'Ensimmäinen kappale.\n\nToinen kappale.',
    bodySv: 'Första stycket.\n\nAndra stycket.',
    bodyEn: 'First paragraph.\n\nSecond paragraph.',
  }
}

async function admin() {
  return prisma.user.create({ data: { email: `rulebook-admin-${Math.random()}@example.com`, name: 'Rulebook Admin', staffRole: 'ADMIN' } })
}

describe('rulebook versions', () => {
  it('the version in force switches on its effective date (Helsinki midnight)', async () => {
    const { id: adminId } = await admin()
    await prisma.rulebook.create({ data: { ...input('2025-1', '2025-01-01'), effectiveFrom: day('2025-01-01') } })
    const published = await createRulebookVersion(adminId, input('2026-2', '2026-04-01'), now)
    expect(published).toMatchObject({ ok: true })

    expect((await rulebookInForce(day('2024-12-31')))).toBeNull()
    expect((await rulebookInForce(now))?.version).toBe('2025-1')
    expect((await rulebookInForce(day('2026-03-31')))?.version).toBe('2025-1')
    // 31 March 23:59 in Helsinki (UTC+3 from 29 March) is still the old version; 00:01 on 1 April the new one
    expect((await rulebookInForce(new Date('2026-03-31T20:59:00Z')))?.version).toBe('2025-1')
    expect((await rulebookInForce(new Date('2026-03-31T21:01:00Z')))?.version).toBe('2026-2')
    expect((await rulebookInForce(day('2026-04-01')))?.version).toBe('2026-2')

    const listed = await listRulebooks(now)
    expect(listed.map((version) => [version.version, version.inForce, version.upcoming])).toEqual([
      ['2026-2', false, true],
      ['2025-1', true, false],
    ])
    const onApril = await listRulebooks(new Date('2026-04-01T06:00:00Z'))
    expect(onApril.map((version) => [version.version, version.inForce])).toEqual([
      ['2026-2', true],
      ['2025-1', false],
    ])

    const event = await prisma.auditEvent.findFirst({ where: { action: 'rulebook.publish', actorId: adminId } })
    expect(event).toMatchObject({
      entityType: 'Rulebook',
      entityId: published.ok ? published.rulebookId : '',
      before: null,
      after: { version: '2026-2', effectiveFrom: '2026-04-01', titleSv: 'Regelbok 2026-2' },
    })
  })

  it('refuses a past effective date and a version label already taken, and writes nothing', async () => {
    const { id: adminId } = await admin()
    expect(await createRulebookVersion(adminId, input('2026-past', '2026-03-09'), now)).toEqual({ ok: false, error: 'effectiveFromPast' })
    expect(await createRulebookVersion(adminId, input('2026-today', '2026-03-10'), now)).toMatchObject({ ok: true })
    expect(await createRulebookVersion(adminId, input('2026-today', '2026-06-01'), now)).toEqual({ ok: false, error: 'versionTaken' })
    expect(await prisma.rulebook.count({ where: { version: { in: ['2026-past', '2026-today'] } } })).toBe(1)
    expect(await prisma.auditEvent.count({ where: { action: 'rulebook.publish', actorId: adminId } })).toBe(1)
  })
})
