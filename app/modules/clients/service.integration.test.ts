import { describe, expect, it } from 'vitest'
import { prisma } from '~/utils/db.server'
import { createUser } from '../../../tests/support/request'
import { makeIdentityCode } from './identity-code'
import { decryptIdentityCode, hashIdentityCode } from './identity-code.server'
import { parseNameQuery } from './schema'
import { clientForStaff, clientIdByIdentityCode, createClient, revealIdentityCode, searchClientsByName } from './service.server'

let counter = 0

/** A valid code of its own per call (a different individual number each time). */
function newCode(dateOfBirth = '1941-03-14'): string {
  counter++
  return makeIdentityCode(dateOfBirth, dateOfBirth < '2000' ? '-' : 'A', 100 + counter)
}

async function staffActor() {
  await prisma.municipality.upsert({
    where: { code: '545' },
    update: {},
    create: { code: '545', nameFi: 'Närpiö', nameSv: 'Närpes', officialLanguages: ['sv', 'fi'], latitude: 62.47, longitude: 21.34 },
  })
  return createUser({ staffRole: 'REVIEWER' })
}

function input(identityCode: string, overrides: Partial<Parameters<typeof createClient>[1]> = {}) {
  return {
    firstName: 'Ingrid',
    lastName: 'Nyström',
    identityCode,
    municipalityCode: '545',
    preferredLanguage: 'sv' as const,
    streetAddress: 'Storgatan 5',
    postalCode: '64200',
    ...overrides,
  }
}

function auditOf(entityId: string) {
  return prisma.auditEvent.findMany({ where: { entityType: 'Client', entityId }, orderBy: { id: 'asc' } })
}

describe('creating a client', () => {
  it('stores the code encrypted and hashed, derives the date of birth, and audits without the code', async () => {
    const actor = await staffActor()
    const code = newCode('1941-03-14')
    const result = await createClient(actor, input(code.toLowerCase(), { phone: '040 123 4567', email: 'ingrid@example.com' }))
    if (!result.ok) throw new Error(result.error)
    const client = await prisma.client.findUniqueOrThrow({ where: { id: result.clientId } })
    expect(client).toMatchObject({ firstName: 'Ingrid', dateOfBirth: new Date('1941-03-14'), identityCodeHash: hashIdentityCode(code), phone: '040 123 4567' })
    expect(client.identityCodeCipher).not.toContain(code.slice(0, 6))
    expect(decryptIdentityCode(client.identityCodeCipher)).toBe(code)
    const audit = await auditOf(client.id)
    expect(audit).toMatchObject([{ actorId: actor.id, action: 'client.create' }])
    expect(JSON.stringify(audit.map(({ before, after }) => ({ before, after })))).not.toContain(code)
  })

  it('refuses a code that is already registered, in any case or spacing, and names the existing client', async () => {
    const actor = await staffActor()
    const code = newCode('1952-10-13')
    const first = await createClient(actor, input(code))
    if (!first.ok) throw new Error(first.error)
    const spaced = ` ${code.slice(0, 6)} ${code.slice(6).toLowerCase()} `
    expect(await createClient(actor, input(spaced, { firstName: 'Other' }))).toEqual({ ok: false, error: 'duplicate', clientId: first.clientId })
    expect(await prisma.client.count({ where: { identityCodeHash: hashIdentityCode(code) } })).toBe(1)
  })

  it('refuses two creations of the same person at the same moment once (the unique hash decides)', async () => {
    const actor = await staffActor()
    const code = newCode('1960-01-31')
    const results = await Promise.all([createClient(actor, input(code)), createClient(actor, input(code))])
    expect(results.filter((result) => result.ok)).toHaveLength(1)
    expect(results.filter((result) => !result.ok)).toMatchObject([{ error: 'duplicate' }])
  })

  it('refuses an unknown municipality and an invalid code', async () => {
    const actor = await staffActor()
    expect(await createClient(actor, input(newCode(), { municipalityCode: '999' }))).toEqual({ ok: false, error: 'municipalityUnknown' })
    expect(await createClient(actor, input('131052-308U'))).toEqual({ ok: false, error: 'identityCodeInvalid' })
  })
})

describe('finding a client', () => {
  it('finds by identity code through the hash, and by every word of the name', async () => {
    const actor = await staffActor()
    const code = newCode('1938-12-01')
    const created = await createClient(actor, input(code, { firstName: 'Gunhild', lastName: 'Sjöblom-Åkerlund' }))
    if (!created.ok) throw new Error(created.error)
    expect(await clientIdByIdentityCode(code.toLowerCase())).toBe(created.clientId)
    expect(await clientIdByIdentityCode(newCode('1938-12-02'))).toBeNull()
    const found = await searchClientsByName(parseNameQuery('gunhild sjöblom'))
    expect(found.clients.map((client) => client.id)).toEqual([created.clientId])
    expect((await searchClientsByName(parseNameQuery('gunhild nyström'))).clients).toEqual([])
    // a code typed into the name box is not searched
    expect(parseNameQuery(code)).toEqual({ kind: 'identityCode' })
    expect(await searchClientsByName(parseNameQuery(code))).toMatchObject({ clients: [], total: 0 })
  })
})

describe('viewing a client', () => {
  it('records every opening of the page and shows the code masked', async () => {
    const actor = await staffActor()
    const code = newCode('1941-03-14')
    const created = await createClient(actor, input(code))
    if (!created.ok) throw new Error(created.error)
    const page = await clientForStaff(actor, created.clientId)
    expect(page?.maskedIdentityCode).toBe(`${code.slice(0, 7)}****`)
    expect(JSON.stringify(page)).not.toContain(code)
    await clientForStaff(actor, created.clientId)
    const views = (await auditOf(created.clientId)).filter((event) => event.action === 'client.viewed')
    expect(views).toMatchObject([
      { actorId: actor.id, after: { place: 'client-page' } },
      { actorId: actor.id, after: { place: 'client-page' } },
    ])
  })

  it('records the showing of the identity code, with who showed it', async () => {
    const actor = await staffActor()
    const code = newCode('1941-03-14')
    const created = await createClient(actor, input(code))
    if (!created.ok) throw new Error(created.error)
    expect(await revealIdentityCode(actor, created.clientId)).toBe(code)
    expect(await auditOf(created.clientId)).toMatchObject([
      { action: 'client.create' },
      { action: 'client.identity-code-viewed', actorId: actor.id, entityType: 'Client', entityId: created.clientId },
    ])
  })

  it('answers null for an unknown client and records nothing', async () => {
    const actor = await staffActor()
    expect(await clientForStaff(actor, 'no-such-client')).toBeNull()
    expect(await revealIdentityCode(actor, 'no-such-client')).toBeNull()
    expect(await auditOf('no-such-client')).toEqual([])
  })
})
