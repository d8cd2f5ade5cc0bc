// npm run db:seed: deterministic, idempotent demo and test data (see prisma/seed/).
import { mkdirSync, writeFileSync } from 'node:fs'
import { dirname, resolve } from 'node:path'
import { pathToFileURL } from 'node:url'
import type { PrismaClient } from '../app/generated/prisma/client'
import { database } from '../app/utils/db.server'
import { env } from '../app/utils/env.server'
import { sealSecret } from '../app/modules/accounts/secret-box.server'
import { buildAccounts, buildMemberships, hashDemoPassword, ownerKey, seedAccounts } from './seed/accounts'
import { buildApplications } from './seed/applications'
import { buildClients } from './seed/clients'
import { day } from './seed/dates'
import { buildDocuments, requiredDocumentTypes } from './seed/documents'
import { buildOffers } from './seed/offers'
import { HOME_VISIT_CATEGORIES } from './seed/organisation-catalogue'
import { buildOrganisations } from './seed/organisations'
import { seedRandom } from './seed/random'
import { seedReferenceData } from './seed/reference-data'
import { buildServiceUnits } from './seed/service-units'
import { buildSettlements, insertRecordsAndSettlements } from './seed/settlements'
import { DEMO_TOTP_SECRET } from './seed/second-factor'
import { readMunicipalities } from './seed/source-data'
import { countLine, countRows, demoAccountsTable, type SeedSummary } from './seed/summary'
import { CLIENT_SCENARIOS, requiredHomeVisitMunicipalities } from './seed/voucher-scenarios'
import { buildVouchers, planVouchers } from './seed/vouchers'

export type { SeedSummary }

export type SeedOptions = {
  /** where the documents' PDF files go (default: UPLOAD_DIR) */
  uploadDir?: string
}

/** PGlite runs one transaction at a time; the bulk insert takes a few seconds. */
const TRANSACTION_OPTIONS = { maxWait: 20_000, timeout: 120_000 }

/** Writes the demo data; rows that exist already (same ids or keys) are left as they are. */
export async function seed(prisma: PrismaClient, options: SeedOptions = {}): Promise<SeedSummary> {
  seedRandom()
  const passwordHash = await hashDemoPassword()
  const organisations = buildOrganisations(readMunicipalities())
  const accounts = buildAccounts(organisations)

  const { reference, userIds } = await prisma.$transaction(async (tx) => {
    const reference = await seedReferenceData(tx)
    const userIds = await seedAccounts(tx, accounts, passwordHash)
    return { reference, userIds }
  }, TRANSACTION_OPTIONS)

  const { categories } = reference
  const staff = { reviewer: userIds.get('reviewer')!, admin: userIds.get('admin')! }
  // the demo staff log in with the published authenticator secret, unless they have set up their own since
  await prisma.user.updateMany({
    where: { id: { in: [staff.reviewer, staff.admin] }, totpEnabledAt: null },
    data: { totpSecretCipher: sealSecret(DEMO_TOTP_SECRET), totpEnabledAt: day('2024-12-02'), totpLastStep: null },
  })
  const ownerIds = new Map(organisations.map((organisation) => [organisation.spec.number, userIds.get(ownerKey(organisation.spec))!]))
  const requiredTypes = (organisation: (typeof organisations)[number], codes: string[]) =>
    requiredDocumentTypes(reference.documentTypes, categories, codes, organisation.employsStaff)

  const applications = buildApplications(
    organisations.map((organisation) => ({
      organisation,
      categories,
      actors: { owner: ownerIds.get(organisation.spec.number)!, ...staff },
      rulebookId: reference.rulebookId,
      documentTypes: requiredTypes(organisation, organisation.spec.categories),
    })),
  )
  const documents = buildDocuments(
    organisations.map((organisation) => ({
      organisation,
      businessId: organisation.row.businessId,
      categoryCodes: applications.appliedCategories.get(organisation.spec.number) ?? organisation.spec.categories,
      uploadedById: ownerIds.get(organisation.spec.number)!,
      firstSubmittedAt: applications.firstSubmittedAt.get(organisation.spec.number),
    })),
    reference.documentTypes,
    categories,
  )
  const units = buildServiceUnits(organisations, reference.municipalities, requiredHomeVisitMunicipalities(HOME_VISIT_CATEGORIES))
  const offers = buildOffers(applications.entries, organisations, categories, units)
  const plans = planVouchers(CLIENT_SCENARIOS)
  const clients = buildClients(CLIENT_SCENARIOS, (index) => {
    const first = plans.find((plan) => plan.clientIndex === index)!
    return new Date(first.decisionDate.getTime() + 9 * 3_600_000)
  })
  const vouchers = buildVouchers({
    plans,
    clients: clients.models,
    categories,
    incomeRule: reference.incomeRule,
    offers: offers.models,
    staff,
    ownerIds,
  })
  const firstOrganisation = organisations[0]!
  const settlements = buildSettlements({
    organisationId: firstOrganisation.id,
    organisationNumber: firstOrganisation.spec.number,
    records: vouchers.records,
    approverId: staff.admin,
  })

  const uploadDir = resolve(options.uploadDir ?? env().UPLOAD_DIR)
  for (const file of documents.files) {
    const path = resolve(uploadDir, file.relativePath)
    mkdirSync(dirname(path), { recursive: true })
    writeFileSync(path, file.bytes)
  }

  await prisma.$transaction(async (tx) => {
    const skipDuplicates = true
    await tx.organisation.createMany({ data: organisations.map((organisation) => organisation.row), skipDuplicates })
    await tx.membership.createMany({ data: buildMemberships(organisations, userIds), skipDuplicates })
    await tx.serviceUnit.createMany({ data: units.units, skipDuplicates })
    await tx.serviceAreaMunicipality.createMany({ data: units.areaMunicipalities, skipDuplicates })
    await tx.complianceDocument.createMany({ data: documents.rows, skipDuplicates })
    await tx.registerApplication.createMany({ data: applications.applications, skipDuplicates })
    await tx.applicationCategory.createMany({ data: applications.applicationCategories, skipDuplicates })
    await tx.applicationEvent.createMany({ data: applications.events, skipDuplicates })
    await tx.applicationSectionReview.createMany({ data: applications.sectionReviews, skipDuplicates })
    await tx.registerEntry.createMany({ data: applications.registerEntries, skipDuplicates })
    await tx.offer.createMany({ data: offers.offers, skipDuplicates })
    await tx.offerServiceUnit.createMany({ data: offers.serviceUnits, skipDuplicates })
    await tx.offerPrice.createMany({ data: offers.prices, skipDuplicates })
    await tx.offerExtraService.createMany({ data: offers.extras, skipDuplicates })
    await tx.client.createMany({ data: clients.rows, skipDuplicates })
    await tx.voucher.createMany({ data: vouchers.vouchers, skipDuplicates })
    await tx.choice.createMany({ data: vouchers.choices, skipDuplicates })
    await tx.voucherMonth.createMany({ data: vouchers.months, skipDuplicates })
    await insertRecordsAndSettlements(tx, vouchers.records, settlements)
  }, TRANSACTION_OPTIONS)

  return countRows(prisma)
}

/**
 * The demo accounts share one password and a published authenticator secret: a production database never gets them
 * unless the operator says it is the demo (DEMO_MODE=on, as `npm run demo` runs it).
 */
function refuseProductionWithoutDemoMode(): void {
  if (process.env.NODE_ENV === 'production' && process.env.DEMO_MODE !== 'on') {
    throw new Error('db:seed writes demo accounts with a published password and authenticator key: refused with NODE_ENV=production (set DEMO_MODE=on for a demo)')
  }
}

async function main() {
  refuseProductionWithoutDemoMode()
  const started = performance.now()
  const db = database()
  try {
    const summary = await seed(db.prisma)
    const seconds = ((performance.now() - started) / 1000).toFixed(1)
    console.log(`\nDemo accounts\n\n${demoAccountsTable()}\n`)
    console.log(`Staff accounts also need a code from an authenticator app (demo only): add the key ${DEMO_TOTP_SECRET}`)
    console.log(`to the app (TOTP, SHA-1, 6 digits, 30 s), or open otpauth://totp/Palvelutori:demo-staff?secret=${DEMO_TOTP_SECRET}&issuer=Palvelutori\n`)
    console.log(`Seeded in ${seconds} s: ${countLine(summary)}.`)
  } finally {
    await db.close()
  }
}

if (process.argv[1] && import.meta.url === pathToFileURL(process.argv[1]).href) {
  main().catch((error: unknown) => {
    console.error(error)
    process.exitCode = 1
  })
}
