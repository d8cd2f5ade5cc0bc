import type { LegalForm, OfferStatus, RegisterEntryStatus, Sector } from '~/generated/prisma/client'
import { prisma } from '~/utils/db.server'

/**
 * A small hand-built public catalogue for the search tests (app/modules/public-catalogue). Everything is fixed so
 * each filter and sort has one right answer:
 *
 * Support services (FIXED, 26,00 €/h), public offers:
 * | key | organisation (legal form)        | price | languages      | free | units                                                 |
 * | A   | Alfa Städ Ab (COMPANY)           | 24,00 | sv, fi         | 3    | location in Vasa (its centre)                          |
 * | B   | Bergets Omsorg rf (ASSOCIATION)  | 20,00 | sv             | 0    | home-visit area: Närpes, Kristinestad                  |
 * | C   | Cedar Care Oy (COMPANY)          | 30,00 | fi, en, ar     | —    | location in Korsholm (63.05, 21.70)                    |
 * | D   | Dalens Stiftelse sr (FOUNDATION) | 28,00 | sv, fse        | 5    | location in Närpes (62.48, 21.34)                      |
 * | E   | Eko Osuuskunta (COOPERATIVE)     | 35,00 | fi             | 1    | location in Vasa (63.30, 21.60) + area: Korsholm       |
 * E's entry is SUSPENDED from next week: still public today.
 *
 * Never public: F (entry suspended since yesterday, published offer), G (draft offer), H (archived offer),
 * D's home-care offer (published, but D has no entry for home care).
 *
 * Home care (INCOME_RELATED, 12,00–36,00 €/h): A 30,00 €, C 40,00 €.
 *
 * From Närpes' centre: B 0 km (area covers it), D 0.7, C 66.7, A 70.6, E 73.2 (its area's Korsholm is nearer than its
 * location at 92.8 km). Recently updated: E, C, A, D, B.
 */
export const municipalityRows = [
  { code: '905', nameFi: 'Vaasa', nameSv: 'Vasa', officialLanguages: ['fi', 'sv'], latitude: 63.096, longitude: 21.6158 },
  { code: '499', nameFi: 'Mustasaari', nameSv: 'Korsholm', officialLanguages: ['sv', 'fi'], latitude: 63.113, longitude: 21.678 },
  { code: '545', nameFi: 'Närpiö', nameSv: 'Närpes', officialLanguages: ['sv'], latitude: 62.474, longitude: 21.336 },
  { code: '287', nameFi: 'Kristiinankaupunki', nameSv: 'Kristinestad', officialLanguages: ['sv', 'fi'], latitude: 62.274, longitude: 21.376 },
]

export const supportValueCents = 2600
export const homeCareRange = { minValueCents: 1200, maxValueCents: 3600 }
export const incomeRule = {
  incomeLimitCentsByHousehold: { '1': 67500, '2': 124000, '3': 193000, '4': 238000, '5': 290000, '6': 335000 },
  extraPerAdditionalPersonCents: 42000,
  reductionRateBasisPoints: 200,
}

const day = (iso: string) => new Date(`${iso}T00:00:00Z`)
const dayMs = 24 * 60 * 60 * 1000

let counter = 0

type OrganisationSpec = { name: string; legalForm: LegalForm; sector: Sector }

export async function createCatalogueWorld(now = new Date()) {
  counter++
  const suffix = `${counter}-${Math.random().toString(36).slice(2, 7)}`
  for (const row of municipalityRows) await prisma.municipality.upsert({ where: { code: row.code }, update: {}, create: row })
  await prisma.incomeRule.upsert({ where: { effectiveFrom: day('2025-01-01') }, update: incomeRule, create: { effectiveFrom: day('2025-01-01'), ...incomeRule } })

  const support = await prisma.serviceCategory.create({
    data: {
      code: `support-${suffix}`,
      nameFi: 'Kotihoidon tukipalvelut',
      nameSv: 'Stödtjänster inom hemvården',
      nameEn: 'Support services for home care',
      unit: 'HOUR',
      voucherType: 'FIXED',
      sortOrder: 2,
      values: {
        create: [
          { effectiveFrom: day('2025-01-01'), valueCents: 2400 },
          { effectiveFrom: day('2026-01-01'), valueCents: supportValueCents },
          // a raise decided for later: not in force today
          { effectiveFrom: day('2099-01-01'), valueCents: 9900 },
        ],
      },
    },
  })
  const homeCare = await prisma.serviceCategory.create({
    data: {
      code: `home-care-${suffix}`,
      nameFi: 'Kotihoito',
      nameSv: 'Hemvård',
      nameEn: 'Home care',
      unit: 'HOUR',
      voucherType: 'INCOME_RELATED',
      sortOrder: 1,
      values: { create: [{ effectiveFrom: day('2025-01-01'), ...homeCareRange }] },
    },
  })

  let number = 0
  const organisation = async (spec: OrganisationSpec) => {
    number++
    return prisma.organisation.create({
      data: {
        ...spec,
        businessId: `${String(7000000 + counter * 100 + number)}-${number % 10}`,
        streetAddress: 'Storgatan 1',
        postalCode: '65100',
        postOffice: 'Vasa',
        municipalityCode: '905',
        phone: '+358 6 123 4567',
        email: 'info@example.com',
        descriptionSv: `${spec.name} beskrivning`,
      },
    })
  }
  const entry = (organisationId: string, categoryId: string, status: RegisterEntryStatus = 'ACTIVE', statusChangedAt = day('2025-03-01')) =>
    prisma.registerEntry.create({ data: { organisationId, categoryId, status, statusChangedAt, validFrom: day('2025-03-01') } })
  const location = (organisationId: string, name: string, municipalityCode: string, latitude: number, longitude: number) =>
    prisma.serviceUnit.create({
      data: {
        organisationId,
        kind: 'LOCATION',
        name,
        streetAddress: 'Skolgatan 2',
        postalCode: '64200',
        municipalityCode,
        latitude,
        longitude,
        stepFreeAccess: true,
        accessibilitySv: 'Ramp vid ingången',
      },
    })
  const area = (organisationId: string, name: string, municipalityCodes: string[]) =>
    prisma.serviceUnit.create({
      data: { organisationId, kind: 'HOME_VISIT_AREA', name, areaMunicipalities: { create: municipalityCodes.map((municipalityCode) => ({ municipalityCode })) } },
    })
  const offer = (
    organisationId: string,
    categoryId: string,
    unitIds: string[],
    data: {
      priceCents: number
      languages: string[]
      freePlaces?: number | null
      status?: OfferStatus
      titleFi?: string
      titleSv?: string
      titleEn?: string
      descriptionFi?: string
      descriptionSv?: string
      descriptionEn?: string
    },
  ) =>
    prisma.offer.create({
      data: {
        organisationId,
        categoryId,
        status: 'PUBLISHED',
        publishedAt: day('2025-04-01'),
        capacityConfirmedAt: new Date(now.getTime() - 3 * dayMs),
        ...data,
        serviceUnits: { create: unitIds.map((serviceUnitId) => ({ serviceUnitId })) },
        prices: { create: [{ priceCents: data.priceCents, effectiveFrom: day('2025-04-01') }] },
        extraServices: { create: [{ nameSv: 'Fönstertvätt', nameFi: 'Ikkunanpesu', nameEn: 'Window cleaning', priceCents: 4500 }] },
      },
    })

  const orgA = await organisation({ name: 'Alfa Städ Ab', legalForm: 'COMPANY', sector: 'PRIVATE' })
  const orgB = await organisation({ name: 'Bergets Omsorg rf', legalForm: 'REGISTERED_ASSOCIATION', sector: 'THIRD_SECTOR' })
  const orgC = await organisation({ name: 'Cedar Care Oy', legalForm: 'COMPANY', sector: 'PRIVATE' })
  const orgD = await organisation({ name: 'Dalens Stiftelse sr', legalForm: 'FOUNDATION', sector: 'THIRD_SECTOR' })
  const orgE = await organisation({ name: 'Eko Osuuskunta', legalForm: 'COOPERATIVE', sector: 'PRIVATE' })
  const orgF = await organisation({ name: 'Fjärdens Hemtjänst', legalForm: 'SOLE_TRADER', sector: 'PRIVATE' })
  const orgG = await organisation({ name: 'Gamla Utkast Ab', legalForm: 'COMPANY', sector: 'PRIVATE' })
  const orgH = await organisation({ name: 'Hamnens Arkiv Ab', legalForm: 'COMPANY', sector: 'PRIVATE' })

  for (const org of [orgA, orgB, orgC, orgD, orgG, orgH]) await entry(org.id, support.id)
  await entry(orgE.id, support.id, 'SUSPENDED', new Date(now.getTime() + 7 * dayMs))
  await entry(orgF.id, support.id, 'SUSPENDED', new Date(now.getTime() - dayMs))
  await entry(orgA.id, homeCare.id)
  await entry(orgC.id, homeCare.id)

  const unitA = await location(orgA.id, 'Alfa Vasa', '905', 63.096, 21.6158)
  const unitB = await area(orgB.id, 'Bergets hembesök', ['545', '287'])
  const unitC = await location(orgC.id, 'Cedar Smedsby', '499', 63.05, 21.7)
  const unitD = await location(orgD.id, 'Dalens hus', '545', 62.48, 21.34)
  const unitE = await location(orgE.id, 'Eko Vaasa', '905', 63.3, 21.6)
  const areaE = await area(orgE.id, 'Eko kotikäynnit', ['499'])
  const unitF = await location(orgF.id, 'Fjärden', '905', 63.096, 21.6158)
  const unitG = await location(orgG.id, 'Gamla', '545', 62.474, 21.336)
  const unitH = await location(orgH.id, 'Hamnen', '545', 62.474, 21.336)

  const offers = {
    A: await offer(orgA.id, support.id, [unitA.id], {
      priceCents: 2400,
      languages: ['sv', 'fi'],
      freePlaces: 3,
      titleSv: 'Städning i Vasa',
      titleFi: 'Siivous Vaasassa',
      descriptionSv: 'Vi städar hemma hos dig.',
      descriptionFi: 'Siivoamme kotonasi.',
    }),
    B: await offer(orgB.id, support.id, [unitB.id], {
      priceCents: 2000,
      languages: ['sv'],
      freePlaces: 0,
      titleSv: 'Hemhjälp i Sydösterbotten',
      descriptionSv: 'Hembesök i Närpes och Kristinestad.',
    }),
    C: await offer(orgC.id, support.id, [unitC.id], {
      priceCents: 3000,
      languages: ['fi', 'en', 'ar'],
      freePlaces: null,
      titleFi: 'Kotiapu',
      titleEn: 'Home help',
      descriptionFi: 'Palvelemme myös arabiaksi.',
      descriptionEn: 'We also serve in Arabic.',
    }),
    D: await offer(orgD.id, support.id, [unitD.id], {
      priceCents: 2800,
      languages: ['sv', 'fse'],
      freePlaces: 5,
      titleSv: 'Stöd i vardagen',
      titleFi: 'Arjen tuki',
      descriptionSv: 'Tillgängligt för rullstol.',
      descriptionFi: 'Esteetön pyörätuolilla.',
    }),
    E: await offer(orgE.id, support.id, [unitE.id, areaE.id], {
      priceCents: 3500,
      languages: ['fi'],
      freePlaces: 1,
      titleFi: 'Ekosiivous',
      titleSv: 'Ekostädning',
      titleEn: 'Eco cleaning',
    }),
    F: await offer(orgF.id, support.id, [unitF.id], { priceCents: 1200, languages: ['sv', 'fi'], freePlaces: 9, titleSv: 'Avstängd tjänst' }),
    G: await offer(orgG.id, support.id, [unitG.id], { priceCents: 1000, languages: ['sv'], freePlaces: 9, status: 'DRAFT', titleSv: 'Utkast' }),
    H: await offer(orgH.id, support.id, [unitH.id], { priceCents: 1100, languages: ['sv'], freePlaces: 9, status: 'ARCHIVED', titleSv: 'Arkiverad' }),
    homeCareA: await offer(orgA.id, homeCare.id, [unitA.id], { priceCents: 3000, languages: ['sv', 'fi'], freePlaces: 2, titleSv: 'Hemvård Alfa' }),
    homeCareC: await offer(orgC.id, homeCare.id, [unitC.id], { priceCents: 4000, languages: ['fi'], freePlaces: 2, titleFi: 'Kotihoito Cedar' }),
    homeCareD: await offer(orgD.id, homeCare.id, [unitD.id], { priceCents: 1500, languages: ['sv'], freePlaces: 2, titleSv: 'Hemvård utan registrering' }),
  }
  // "recently updated": E newest, then C, A, D, B (the others far back)
  const updated: [string, number][] = [
    [offers.E.id, 1],
    [offers.C.id, 2],
    [offers.A.id, 3],
    [offers.D.id, 4],
    [offers.B.id, 5],
  ]
  for (const [id, daysAgo] of updated) {
    await prisma.$executeRaw`UPDATE "Offer" SET "updatedAt" = ${new Date(now.getTime() - daysAgo * dayMs)} WHERE id = ${id}`
  }

  return {
    categories: { support, homeCare },
    organisations: { A: orgA, B: orgB, C: orgC, D: orgD, E: orgE, F: orgF, G: orgG, H: orgH },
    offers,
  }
}

export type CatalogueWorld = Awaited<ReturnType<typeof createCatalogueWorld>>
