import { beforeAll, describe, expect, it } from 'vitest'
import { uploadDocument } from '~/modules/documents/service.server'
import { prisma } from '~/utils/db.server'
import { formatDate } from '~/utils/format'
import type { FileStorage } from '~/utils/storage.server'
import { addDocument, createCategories } from '../../../tests/support/application-fixtures'
import { createOrganisation, createUser, createWorld } from '../../../tests/support/request'
import { needsAttention } from './attention.server'
import { runDocumentWatch } from './service.server'

/**
 * The watch on a fixed clock. The tests of this file tell one story in order (they share the database): the
 * clock only moves forward, and every document is dated from it, never from the real time.
 */
const dayMs = 86_400_000
/** 10:00 in Helsinki on Wednesday 10 March 2027 */
const t0 = new Date('2027-03-10T08:00:00Z')
const day = (offsetDays: number) => new Date(Date.UTC(2027, 2, 10 + offsetDays))
const at = (offsetDays: number, hours = 0) => new Date(t0.getTime() + offsetDays * dayMs + hours * 3_600_000)

const memoryStorage: FileStorage = {
  put: async () => undefined,
  get: async () => Buffer.alloc(0),
  delete: async () => undefined,
}
const pdf = Buffer.from('%PDF-1.7\n% watch\n1 0 obj <<>> endobj\ntrailer <<>>\n%%EOF\n')

type World = Awaited<ReturnType<typeof createWorld>>
type Categories = Awaited<ReturnType<typeof createCategories>>
let world: World
let categories: Categories
let secondOwnerId: string
let liabilityId: string

async function expiringMails(organisationId: string) {
  return prisma.emailOutbox.findMany({
    where: { template: 'document-expiring', props: { path: ['link'], string_contains: `/provider/${organisationId}/documents` } },
    orderBy: [{ createdAt: 'asc' }, { id: 'asc' }],
  })
}

async function statuses() {
  const entries = await prisma.registerEntry.findMany({ select: { id: true, status: true }, orderBy: { id: 'asc' } })
  return entries.map((entry) => `${entry.id}:${entry.status}`)
}

/** Valid documents for the support-services category, dated from t0. */
async function addValidDocuments(organisationId: string, userId: string, except: string[] = []) {
  const plan: [string, { issueDate: Date; validUntil?: Date | null }][] = [
    ['TRADE_REGISTER_EXTRACT', { issueDate: day(-10) }],
    ['TAX_DEBT_CERTIFICATE', { issueDate: day(-10) }],
    ['LIABILITY_INSURANCE', { issueDate: day(-300), validUntil: day(200) }],
    ['OCCUPATIONAL_HEALTHCARE', { issueDate: day(-300), validUntil: null }],
  ]
  for (const [code, dates] of plan) {
    if (!except.includes(code)) await addDocument(organisationId, userId, code, { ...dates, status: 'ACCEPTED' })
  }
}

beforeAll(async () => {
  world = await createWorld()
  categories = await createCategories()
  await prisma.user.update({ where: { id: world.users.owner.id }, data: { locale: 'fi' } })
  const secondOwner = await createUser({ name: 'Second owner' })
  secondOwnerId = secondOwner.id
  await prisma.user.update({ where: { id: secondOwner.id }, data: { locale: 'en' } })
  await prisma.membership.create({ data: { userId: secondOwner.id, organisationId: world.organisation.id, role: 'OWNER' } })
  // everything in order except the liability insurance, which ends in 25 days
  await addValidDocuments(world.organisation.id, world.users.owner.id, ['LIABILITY_INSURANCE'])
  const liability = await addDocument(world.organisation.id, world.users.owner.id, 'LIABILITY_INSURANCE', {
    issueDate: day(-340),
    validUntil: day(25),
    status: 'ACCEPTED',
  })
  liabilityId = liability.id
  await prisma.registerEntry.create({
    data: { organisationId: world.organisation.id, categoryId: categories.supportServices.id, validFrom: day(-200) },
  })
})

describe('expiry reminders', () => {
  it('sends the 30-day reminder once, to every owner in their own language', async () => {
    const before = await statuses()
    expect(await runDocumentWatch(t0)).toEqual({ remindersSent: 1, emailsQueued: 2, entriesFlagged: 0, entriesCleared: 0 })
    const mails = await expiringMails(world.organisation.id)
    expect(mails.map((mail) => [mail.toAddress, mail.locale])).toEqual(
      expect.arrayContaining([
        [world.users.owner.email, 'fi'],
        [(await prisma.user.findUniqueOrThrow({ where: { id: secondOwnerId } })).email, 'en'],
      ]),
    )
    expect(mails).toHaveLength(2)
    const fi = mails.find((mail) => mail.locale === 'fi')!
    const en = mails.find((mail) => mail.locale === 'en')!
    expect(fi.props).toMatchObject({
      name: 'Owner',
      values: { organisation: world.organisation.name, document: 'Vastuuvakuutustodistus', date: '4.4.2027', days: '25' },
      link: `http://localhost:3000/provider/${world.organisation.id}/documents`,
    })
    expect(en.props).toMatchObject({
      name: 'Second owner',
      values: { organisation: world.organisation.name, document: 'Liability insurance certificate', date: formatDate(day(25), 'en'), days: '25' },
    })
    // the editor is not an owner
    expect(await prisma.emailOutbox.count({ where: { toAddress: world.users.editor.email } })).toBe(0)
    expect(await prisma.documentReminder.findMany({ where: { documentId: liabilityId }, select: { thresholdDays: true } })).toEqual([
      { thresholdDays: 30 },
    ])

    // the same day again, and the next day: nothing new
    expect(await runDocumentWatch(at(0, 3))).toEqual({ remindersSent: 0, emailsQueued: 0, entriesFlagged: 0, entriesCleared: 0 })
    expect(await runDocumentWatch(at(1))).toEqual({ remindersSent: 0, emailsQueued: 0, entriesFlagged: 0, entriesCleared: 0 })
    expect(await expiringMails(world.organisation.id)).toHaveLength(2)
    expect(await statuses()).toEqual(before)
  })

  it('sends the 7-day reminder when 6 days are left, once', async () => {
    // 29 March: the last valid day, 4 April, is 6 days away
    expect(await runDocumentWatch(at(19))).toEqual({ remindersSent: 1, emailsQueued: 2, entriesFlagged: 0, entriesCleared: 0 })
    const mails = await expiringMails(world.organisation.id)
    expect(mails).toHaveLength(4)
    expect(mails.slice(2).map((mail) => (mail.props as { values: Record<string, string> }).values.days)).toEqual(['6', '6'])
    expect(mails.find((mail, index) => index >= 2 && mail.locale === 'fi')?.props).toMatchObject({
      values: { document: 'Vastuuvakuutustodistus', date: '4.4.2027', days: '6' },
    })
    const thresholds = await prisma.documentReminder.findMany({ where: { documentId: liabilityId }, orderBy: { thresholdDays: 'desc' } })
    expect(thresholds.map((reminder) => reminder.thresholdDays)).toEqual([30, 7])
    expect(await runDocumentWatch(at(19, 5))).toEqual({ remindersSent: 0, emailsQueued: 0, entriesFlagged: 0, entriesCleared: 0 })
    expect(await expiringMails(world.organisation.id)).toHaveLength(4)
  })

  it('sends one email for a document first seen with 6 days left, and never reminds about a replaced version', async () => {
    const owner = await createUser({ name: 'Late owner' })
    await prisma.user.update({ where: { id: owner.id }, data: { locale: 'sv' } })
    const organisation = await createOrganisation([{ userId: owner.id, role: 'OWNER' }])
    const late = await addDocument(organisation.id, owner.id, 'LIABILITY_INSURANCE', { issueDate: day(-300), validUntil: day(25), status: 'PENDING' })
    // a replaced version that would expire in 3 days: not in use, so never reminded about
    const replaced = await addDocument(organisation.id, owner.id, 'TRADE_REGISTER_EXTRACT', { issueDate: day(19 + 3 - 90) })
    await prisma.complianceDocument.update({ where: { id: replaced.id }, data: { supersededAt: at(-1) } })

    expect(await runDocumentWatch(at(19, 6))).toEqual({ remindersSent: 1, emailsQueued: 1, entriesFlagged: 0, entriesCleared: 0 })
    const [mail, ...rest] = await expiringMails(organisation.id)
    expect(rest).toEqual([])
    expect(mail).toMatchObject({ toAddress: owner.email, locale: 'sv' })
    expect(mail?.props).toMatchObject({
      values: { document: 'Intyg över ansvarsförsäkring', date: '4 apr. 2027', days: '6', organisation: organisation.name },
    })
    expect((await prisma.documentReminder.findMany({ where: { documentId: late.id } })).map((r) => r.thresholdDays).sort()).toEqual([30, 7])
    expect(await prisma.documentReminder.count({ where: { documentId: replaced.id } })).toBe(0)
  })

  it('is once-only even when two runs race', async () => {
    const owner = await createUser({ name: 'Racing owner' })
    const organisation = await createOrganisation([{ userId: owner.id, role: 'OWNER' }])
    await addDocument(organisation.id, owner.id, 'LIABILITY_INSURANCE', { issueDate: day(-300), validUntil: day(40), status: 'ACCEPTED' })
    const runs = await Promise.all([runDocumentWatch(at(20)), runDocumentWatch(at(20))])
    expect(runs.map((run) => run.remindersSent).sort()).toEqual([0, 1])
    expect(await expiringMails(organisation.id)).toHaveLength(1)
  })
})

describe('lapsed required documents', () => {
  let organisationId: string
  let supportEntryId: string
  let homeCareEntryId: string
  const now = at(21)

  beforeAll(async () => {
    const owner = await createUser({ name: 'Flagged owner' })
    const organisation = await createOrganisation([{ userId: owner.id, role: 'OWNER' }])
    organisationId = organisation.id
    // the tax debt certificate is 95 days old on day 21 (a 90-day limit): lapsed five days ago
    await addValidDocuments(organisationId, owner.id, ['TAX_DEBT_CERTIFICATE'])
    await addDocument(organisationId, owner.id, 'TAX_DEBT_CERTIFICATE', { issueDate: day(21 - 95), status: 'ACCEPTED' })
    const support = await prisma.registerEntry.create({
      data: { organisationId, categoryId: categories.supportServices.id, validFrom: day(-200) },
    })
    // home care also needs the Soteri registration, which is missing; this entry is already suspended
    const homeCare = await prisma.registerEntry.create({
      data: { organisationId, categoryId: categories.homeCare.id, validFrom: day(-200), status: 'SUSPENDED', statusReason: 'Test' },
    })
    // a removed entry is left alone
    await prisma.registerEntry.create({
      data: { organisationId, categoryId: categories.closed.id, validFrom: day(-200), status: 'REMOVED', statusReason: 'Test' },
    })
    supportEntryId = support.id
    homeCareEntryId = homeCare.id
  })

  it('flags every entry whose required documents lapsed, keeps the first time, and never changes a status', async () => {
    const before = await statuses()
    expect(await runDocumentWatch(now)).toEqual({ remindersSent: 0, emailsQueued: 0, entriesFlagged: 2, entriesCleared: 0 })
    const entries = await prisma.registerEntry.findMany({ where: { organisationId }, orderBy: { status: 'asc' } })
    expect(entries.map((entry) => [entry.status, entry.lapsedAt])).toEqual([
      ['ACTIVE', now],
      ['SUSPENDED', now],
      ['REMOVED', null],
    ])
    const audit = await prisma.auditEvent.findFirstOrThrow({ where: { entityId: supportEntryId, action: 'register-entry.lapse' } })
    expect(audit).toMatchObject({
      actorId: null,
      entityType: 'RegisterEntry',
      after: { documents: [{ code: 'TAX_DEBT_CERTIFICATE', validity: 'expired', expiresOn: '2027-03-26' }] },
    })
    // the entry of the first organisation has every document in order
    expect(await prisma.registerEntry.count({ where: { organisationId: world.organisation.id, lapsedAt: { not: null } } })).toBe(0)

    expect(await runDocumentWatch(at(21, 2))).toEqual({ remindersSent: 0, emailsQueued: 0, entriesFlagged: 0, entriesCleared: 0 })
    expect((await prisma.registerEntry.findUniqueOrThrow({ where: { id: supportEntryId } })).lapsedAt).toEqual(now)
    expect(await statuses()).toEqual(before)

    // staff see it, with the documents that lapsed
    const attention = await needsAttention(at(21, 3))
    const flagged = attention.lapsedEntries.filter((entry) => entry.organisation.id === organisationId)
    expect(flagged.map((entry) => [entry.id, entry.documents.map((document) => `${document.code}:${document.validity}`)])).toEqual(
      expect.arrayContaining([
        [supportEntryId, ['TAX_DEBT_CERTIFICATE:expired']],
        [homeCareEntryId, ['SOTERI_REGISTRATION:missing', 'TAX_DEBT_CERTIFICATE:expired']],
      ]),
    )
  })

  it('clears the flag on the next run after a valid new version is uploaded, and flags again when it is rejected', async () => {
    const before = await statuses()
    const uploadedAt = at(22)
    const owner = await prisma.membership.findFirstOrThrow({ where: { organisationId }, select: { userId: true } })
    const result = await uploadDocument(
      {
        actorId: owner.userId,
        organisationId,
        typeCode: 'TAX_DEBT_CERTIFICATE',
        issueDate: '2027-04-01',
        validUntil: null,
        registrationNumber: null,
        file: { name: 'verovelkatodistus.pdf', bytes: pdf },
      },
      memoryStorage,
      uploadedAt,
    )
    expect(result.ok).toBe(true)
    expect(await runDocumentWatch(at(22, 1))).toEqual({ remindersSent: 0, emailsQueued: 0, entriesFlagged: 0, entriesCleared: 1 })
    expect((await prisma.registerEntry.findUniqueOrThrow({ where: { id: supportEntryId } })).lapsedAt).toBeNull()
    // home care still misses its Soteri registration: the flag and its first time stay
    expect((await prisma.registerEntry.findUniqueOrThrow({ where: { id: homeCareEntryId } })).lapsedAt).toEqual(now)
    expect(await prisma.auditEvent.count({ where: { entityId: supportEntryId, action: 'register-entry.lapse-cleared' } })).toBe(1)

    if (!result.ok) return
    await prisma.complianceDocument.update({ where: { id: result.documentId }, data: { status: 'REJECTED' } })
    const later = at(23)
    expect(await runDocumentWatch(later)).toEqual({ remindersSent: 0, emailsQueued: 0, entriesFlagged: 1, entriesCleared: 0 })
    expect((await prisma.registerEntry.findUniqueOrThrow({ where: { id: supportEntryId } })).lapsedAt).toEqual(later)
    expect(await statuses()).toEqual(before)
  })
})
