import { randomInt } from 'node:crypto'
import type { Locale } from '~/generated/prisma/client'
import { makeIdentityCode } from '~/modules/clients/identity-code'
import { encryptIdentityCode, hashIdentityCode } from '~/modules/clients/identity-code.server'
import { generateVoucherCode } from '~/modules/vouchers/voucher-code'
import { prisma } from '~/utils/db.server'
import { createCategories } from './application-fixtures'
import { createWorld } from './request'

let counter = 0

/** A valid identity code for the date of birth, unique per call (individual numbers 2–899, then the next day). */
function identityCode(dateOfBirth: Date): string {
  counter++
  const date = new Date(dateOfBirth.getTime() + Math.floor(counter / 898) * 86_400_000)
  return makeIdentityCode(date, '-', 2 + (counter % 898))
}

export async function createClient(overrides: { preferredLanguage?: Locale; email?: string | null; dateOfBirth?: Date } = {}) {
  await prisma.municipality.upsert({
    where: { code: '545' },
    update: {},
    create: { code: '545', nameFi: 'Närpiö', nameSv: 'Närpes', officialLanguages: ['sv', 'fi'], latitude: 62.4733, longitude: 21.3366 },
  })
  const dateOfBirth = overrides.dateOfBirth ?? new Date('1941-03-14')
  const code = identityCode(dateOfBirth)
  return prisma.client.create({
    data: {
      firstName: 'Ingrid',
      lastName: `Nyström ${counter}`,
      dateOfBirth,
      identityCodeCipher: encryptIdentityCode(code),
      identityCodeHash: hashIdentityCode(code),
      municipalityCode: '545',
      preferredLanguage: overrides.preferredLanguage ?? 'sv',
      phone: '+358 40 123 4567',
      email: overrides.email === undefined ? 'ingrid@example.com' : overrides.email,
    },
  })
}

/** A published offer of the organisation in the category, with an active register entry. */
export async function createPublishedOffer(organisationId: string, categoryId: string, priceCents = 3800) {
  await prisma.registerEntry.upsert({
    where: { organisationId_categoryId: { organisationId, categoryId } },
    update: {},
    create: { organisationId, categoryId, validFrom: new Date('2026-01-01') },
  })
  return prisma.offer.create({
    data: {
      organisationId,
      categoryId,
      titleSv: 'Hemvård på svenska',
      titleFi: 'Kotihoitoa ruotsiksi',
      titleEn: 'Home care in Swedish',
      priceCents,
      languages: ['sv', 'fi'],
      status: 'PUBLISHED',
      publishedAt: new Date('2026-01-02'),
      prices: { create: { priceCents, effectiveFrom: new Date('2026-01-02') } },
    },
  })
}

export type VoucherOptions = {
  unitsPerMonth?: number | null
  unitsTotal?: number | null
  valueCents?: number
  validFrom?: Date
  validTo?: Date
  status?: 'ISSUED' | 'ASSIGNED' | 'ACTIVE'
}

export async function createVoucher(clientId: string, categoryId: string, issuedById: string, options: VoucherOptions = {}) {
  const unitsTotal = options.unitsTotal ?? null
  return prisma.voucher.create({
    data: {
      code: generateVoucherCode(() => randomInt(0, 1_000_000) / 1_000_000),
      clientId,
      categoryId,
      decisionNumber: `VO/${2026}/${++counter}`,
      decisionDate: new Date('2026-01-01'),
      validFrom: options.validFrom ?? new Date('2026-01-01'),
      validTo: options.validTo ?? new Date('2026-12-31'),
      unitsPerMonth: unitsTotal === null ? (options.unitsPerMonth ?? 10) : null,
      unitsTotal,
      valueCents: options.valueCents ?? 3000,
      valueBasis: 'FIXED',
      status: options.status ?? 'ISSUED',
      issuedById,
    },
  })
}

/**
 * The personas' world (tests/support/request.ts) plus: home-care categories, a published offer of the personas'
 * organisation and one of the other organisation, a Swedish-speaking client with a voucher (10 hours a month, value
 * 30,00 €, price 38,00 €), and the voucher's accepted choice of the first offer from 2026-01-01.
 */
export async function createVoucherWorld(options: VoucherOptions = {}) {
  const world = await createWorld()
  const categories = await createCategories()
  const offer = await createPublishedOffer(world.organisation.id, categories.homeCare.id)
  const otherOffer = await createPublishedOffer(world.otherOrganisation.id, categories.homeCare.id, 4200)
  const client = await createClient()
  const voucher = await createVoucher(client.id, categories.homeCare.id, world.users.reviewer.id, { status: 'ACTIVE', ...options })
  const choice = await prisma.choice.create({
    data: { voucherId: voucher.id, offerId: offer.id, status: 'ACCEPTED', startDate: new Date('2026-01-01'), decidedAt: new Date('2026-01-01') },
  })
  return { ...world, categories, offer, otherOffer, client, voucher, choice }
}
export type VoucherWorld = Awaited<ReturnType<typeof createVoucherWorld>>
