import { createHash } from 'node:crypto'
import { mkdtempSync, readFileSync, rmSync } from 'node:fs'
import { tmpdir } from 'node:os'
import { join } from 'node:path'
import { afterAll, beforeAll, describe, expect, it } from 'vitest'
import { verifyPassword } from '~/modules/accounts/password.server'
import { decryptIdentityCode, hashIdentityCode } from '~/modules/clients/identity-code.server'
import { isValidBusinessId } from '~/modules/organisations/business-id'
import { isValidVoucherCode } from '~/modules/vouchers/voucher-code'
import { prisma } from '~/utils/db.server'
import { seed, type SeedSummary } from '../seed'
import { DEMO_ACCOUNTS, DEMO_PASSWORD } from './accounts'
import { isoDate, REFERENCE_DATE } from './dates'
import { identityCodeDateOfBirth } from './identity-code'
import { incomeRelatedValueCents, type IncomeRule } from '~/modules/vouchers/voucher-value'
import { recordAmounts } from '~/modules/settlements/amounts'
import { DEMO_VOUCHER } from './vouchers'

const uploadDir = mkdtempSync(join(tmpdir(), 'palvelutori-seed-'))
let first: SeedSummary
let second: SeedSummary

beforeAll(async () => {
  first = await seed(prisma, { uploadDir })
  second = await seed(prisma, { uploadDir })
}, 120_000)

afterAll(() => rmSync(uploadDir, { recursive: true, force: true }))

describe('the seed', () => {
  it('is idempotent: a second run leaves exactly the same number of rows', () => {
    expect(second).toEqual(first)
  })

  it('writes the reference data from the catalogue and a realistic amount of demo data', () => {
    expect(first).toMatchObject({
      municipalities: 14,
      documentTypes: 9,
      serviceCategories: 10,
      incomeRules: 1,
      rulebooks: 1,
      organisations: 40,
      clients: 25,
      monthlySettlements: 2,
    })
    expect(first.vouchers).toBeGreaterThanOrEqual(30)
    expect(first.registerEntries).toBeGreaterThanOrEqual(30)
    expect(first.serviceRecords).toBeGreaterThan(100)
  })

  it('signs every demo account in with the demo password', async () => {
    for (const email of Object.values(DEMO_ACCOUNTS)) {
      const user = await prisma.user.findUniqueOrThrow({ where: { email } })
      expect(user.emailVerifiedAt).not.toBeNull()
      expect(await verifyPassword(user.passwordHash!, DEMO_PASSWORD)).toBe(true)
    }
  })

  it('gives every organisation a business ID with a valid check digit', async () => {
    const organisations = await prisma.organisation.findMany({ select: { businessId: true } })
    expect(organisations.filter(({ businessId }) => !isValidBusinessId(businessId))).toEqual([])
  })

  it('stores identity codes that decrypt, validate, match the date of birth and the lookup hash', async () => {
    const clients = await prisma.client.findMany()
    for (const client of clients) {
      const code = decryptIdentityCode(client.identityCodeCipher)
      expect(identityCodeDateOfBirth(code), code).toBe(isoDate(client.dateOfBirth))
      expect(hashIdentityCode(code)).toBe(client.identityCodeHash)
    }
  })

  it('gives every voucher a code with a correct check character', async () => {
    const vouchers = await prisma.voucher.findMany({ select: { code: true } })
    for (const { code } of vouchers) {
      expect(code).toMatch(/^[2-9A-HJ-NP-Z]{4}-[2-9A-HJ-NP-Z]{4}$/)
      expect(isValidVoucherCode(code), code).toBe(true)
    }
  })

  it('has the demo voucher: issued home care for a Swedish-speaking client in Närpes', async () => {
    const voucher = await prisma.voucher.findUniqueOrThrow({
      where: { code: DEMO_VOUCHER.code },
      include: { client: true, category: true, choices: true },
    })
    expect(voucher.status).toBe('ISSUED')
    expect(voucher.category.code).toBe('home-care')
    expect(voucher.choices).toEqual([])
    expect(isoDate(voucher.client.dateOfBirth)).toBe(DEMO_VOUCHER.dateOfBirth)
    expect(voucher.client.municipalityCode).toBe('545')
    expect(voucher.client.preferredLanguage).toBe('sv')
  })

  it('publishes offers only under an active register entry (the suspended entry keeps its offer, hidden by the app)', async () => {
    const offers = await prisma.offer.findMany({ where: { status: 'PUBLISHED' } })
    const entries = await prisma.registerEntry.findMany()
    const statusOf = (organisationId: string, categoryId: string) =>
      entries.find((entry) => entry.organisationId === organisationId && entry.categoryId === categoryId)?.status
    const statuses = offers.map((offer) => statusOf(offer.organisationId, offer.categoryId))
    expect(statuses.filter((status) => status !== 'ACTIVE')).toEqual(['SUSPENDED'])
  })

  it('keeps every offer price in step with its latest price history row', async () => {
    const offers = await prisma.offer.findMany({ include: { prices: { orderBy: { effectiveFrom: 'desc' }, take: 1 } } })
    for (const offer of offers) expect(offer.prices[0]?.priceCents).toBe(offer.priceCents)
  })

  it('has applications in every state, with the demo organisations where the demo needs them', async () => {
    const statuses = await prisma.registerApplication.groupBy({ by: ['status'], _count: true })
    expect(statuses.map((row) => row.status).sort()).toEqual(
      ['APPROVED', 'DRAFT', 'IN_REVIEW', 'REJECTED', 'RETURNED', 'SUBMITTED', 'WITHDRAWN'].sort(),
    )
    const applicationOf = (email: string) =>
      prisma.registerApplication.findFirstOrThrow({
        where: { organisation: { memberships: { some: { role: 'OWNER', user: { email } } } } },
        include: { organisation: { include: { registerEntries: { include: { category: true } } } } },
      })
    expect((await applicationOf(DEMO_ACCOUNTS.omistaja)).status).toBe('DRAFT')
    expect((await applicationOf(DEMO_ACCOUNTS.agare)).status).toBe('SUBMITTED')
    const owner = await applicationOf(DEMO_ACCOUNTS.owner)
    expect(owner.organisation.registerEntries.map((entry) => [entry.category.code, entry.status]).sort()).toEqual([
      ['home-care', 'ACTIVE'],
      ['support-services', 'ACTIVE'],
    ])
    const returned = await prisma.applicationSectionReview.findMany({ where: { status: 'RETURNED' } })
    expect(returned.length).toBeGreaterThan(0)
    expect(returned.every((review) => Boolean(review.reason))).toBe(true)
  })

  it('dates every application event in order and before the reference date', async () => {
    const events = await prisma.applicationEvent.findMany({ orderBy: [{ applicationId: 'asc' }, { createdAt: 'asc' }] })
    for (const [index, event] of events.entries()) {
      expect(event.createdAt.getTime()).toBeLessThan(REFERENCE_DATE.getTime())
      const previous = events[index - 1]
      if (previous?.applicationId === event.applicationId) expect(event.fromStatus).toBe(previous.toStatus)
      else expect(event.fromStatus).toBeNull()
    }
  })

  it('dates rows no later than the reference date, and applications and documents after their organisation joined', async () => {
    const before = { lt: REFERENCE_DATE }
    const counts = await Promise.all([
      prisma.applicationSectionReview.count({ where: { createdAt: { gte: REFERENCE_DATE } } }),
      prisma.complianceDocument.count({ where: { NOT: { createdAt: before, issueDate: before } } }),
      prisma.offer.count({ where: { NOT: { createdAt: before, updatedAt: before } } }),
      prisma.choice.count({ where: { createdAt: { gte: REFERENCE_DATE } } }),
      prisma.serviceRecord.count({ where: { NOT: { createdAt: before, serviceDate: before } } }),
      prisma.voucher.count({ where: { NOT: { createdAt: before, updatedAt: before } } }),
    ])
    expect(counts).toEqual([0, 0, 0, 0, 0, 0])
    const organisations = await prisma.organisation.findMany({ include: { applications: true, documents: true } })
    for (const organisation of organisations) {
      for (const row of [...organisation.applications, ...organisation.documents]) {
        expect(row.createdAt.getTime(), row.id).toBeGreaterThanOrEqual(organisation.createdAt.getTime())
      }
    }
  })

  it('lets clients choose home-visit offers only where the provider makes home visits', async () => {
    const choices = await prisma.choice.findMany({
      where: { offer: { serviceUnits: { some: { serviceUnit: { kind: 'HOME_VISIT_AREA' } } } } },
      include: {
        voucher: { include: { client: true } },
        offer: { include: { serviceUnits: { include: { serviceUnit: { include: { areaMunicipalities: true } } } } } },
      },
    })
    expect(choices.length).toBeGreaterThan(0)
    for (const choice of choices) {
      const served = choice.offer.serviceUnits.flatMap((link) => link.serviceUnit.areaMunicipalities.map((area) => area.municipalityCode))
      expect(served, choice.id).toContain(choice.voucher.client.municipalityCode)
    }
  })

  it('keeps each voucher month’s used units equal to its service records', async () => {
    const months = await prisma.voucherMonth.findMany()
    const records = await prisma.serviceRecord.findMany()
    for (const month of months) {
      const used = records
        .filter((record) => record.voucherId === month.voucherId && record.month.getTime() === month.month.getTime())
        .reduce((sum, record) => sum + record.unitsHundredths, 0)
      expect(used, `${month.voucherId} ${isoDate(month.month)}`).toBe(month.unitsUsed)
    }
    const exhausted = await prisma.voucher.findMany({ where: { status: 'EXHAUSTED' }, include: { serviceRecords: true } })
    for (const voucher of exhausted) {
      expect(voucher.serviceRecords.reduce((sum, record) => sum + record.unitsHundredths, 0)).toBe((voucher.unitsTotal ?? 0) * 100)
    }
  })

  it('computes income-related voucher values from the income rule and the value in force', async () => {
    const rule = await prisma.incomeRule.findFirstOrThrow()
    const incomeRule: IncomeRule = {
      incomeLimitCentsByHousehold: rule.incomeLimitCentsByHousehold as Record<string, number>,
      extraPerAdditionalPersonCents: rule.extraPerAdditionalPersonCents,
      reductionRateBasisPoints: rule.reductionRateBasisPoints,
    }
    const vouchers = await prisma.voucher.findMany({
      where: { valueBasis: 'INCOME_RELATED' },
      include: { category: { include: { values: { orderBy: { effectiveFrom: 'desc' } } } } },
    })
    expect(vouchers.length).toBeGreaterThan(0)
    for (const voucher of vouchers) {
      const value = voucher.category.values.find((candidate) => candidate.effectiveFrom <= voucher.decisionDate)!
      const range = { minValueCents: value.minValueCents!, maxValueCents: value.maxValueCents! }
      expect(voucher.valueCents).toBe(incomeRelatedValueCents(incomeRule, range, voucher.householdSize!, voucher.grossMonthlyIncomeCents!))
    }
  })

  it('sums the first organisation’s monthly settlements from its service records', async () => {
    const settlements = await prisma.monthlySettlement.findMany({ orderBy: { month: 'asc' } })
    expect(settlements.map((settlement) => settlement.status)).toEqual(['APPROVED', 'OPEN'])
    for (const settlement of settlements) {
      const records = await prisma.serviceRecord.findMany({ where: { organisationId: settlement.organisationId, month: settlement.month } })
      expect(records.length).toBeGreaterThan(0)
      const amounts = records.map((record) => ({ ...recordAmounts(record), units: record.unitsHundredths, extras: record.extrasCents }))
      expect(settlement.unitsHundredths).toBe(amounts.reduce((sum, amount) => sum + amount.units, 0))
      expect(settlement.voucherShareCents).toBe(amounts.reduce((sum, amount) => sum + amount.voucherShareCents, 0))
      expect(settlement.copaymentCents).toBe(amounts.reduce((sum, amount) => sum + amount.copaymentCents, 0))
      expect(settlement.extrasCents).toBe(amounts.reduce((sum, amount) => sum + amount.extras, 0))
    }
  })

  it('gives the approved October one PENDING Payment per voucher with a co-payment, equal to its records’ co-payments', async () => {
    const october = await prisma.monthlySettlement.findFirstOrThrow({ where: { status: 'APPROVED' }, include: { payments: true } })
    const records = await prisma.serviceRecord.findMany({ where: { organisationId: october.organisationId, month: october.month } })
    const copayments = new Map<string, number>()
    for (const record of records) copayments.set(record.voucherId, (copayments.get(record.voucherId) ?? 0) + recordAmounts(record).copaymentCents)
    const expected = [...copayments].filter(([, cents]) => cents > 0).sort(([a], [b]) => a.localeCompare(b))
    expect(expected.length).toBeGreaterThan(0)
    const payments = [...october.payments].sort((a, b) => a.voucherId.localeCompare(b.voucherId))
    expect(payments.map((payment) => [payment.voucherId, payment.amountCents])).toEqual(expected)
    expect(payments.every((payment) => payment.status === 'PENDING' && payment.createdAt <= REFERENCE_DATE)).toBe(true)
    expect(payments.reduce((sum, payment) => sum + payment.amountCents, 0)).toBeLessThanOrEqual(october.copaymentCents)
    expect(await prisma.payment.count()).toBe(payments.length)
  })

  it('writes each document’s PDF where its storage key points, with the recorded size and hash', async () => {
    const documents = await prisma.complianceDocument.findMany()
    for (const document of documents) {
      const bytes = readFileSync(join(uploadDir, document.storageKey))
      expect(bytes.subarray(0, 8).toString('latin1')).toBe('%PDF-1.4')
      expect(bytes.length).toBe(document.sizeBytes)
      expect(createHash('sha256').update(bytes).digest('hex')).toBe(document.sha256)
    }
  })
})
