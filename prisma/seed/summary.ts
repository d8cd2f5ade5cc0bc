import type { PrismaClient } from '../../app/generated/prisma/client'
import { DEMO_ACCOUNTS, DEMO_PASSWORD } from './accounts'
import { DEMO_VOUCHER } from './vouchers'

function counters(prisma: PrismaClient) {
  return {
    municipalities: () => prisma.municipality.count(),
    documentTypes: () => prisma.documentType.count(),
    serviceCategories: () => prisma.serviceCategory.count(),
    voucherValues: () => prisma.voucherValue.count(),
    documentRequirements: () => prisma.categoryDocumentRequirement.count(),
    incomeRules: () => prisma.incomeRule.count(),
    rulebooks: () => prisma.rulebook.count(),
    users: () => prisma.user.count(),
    organisations: () => prisma.organisation.count(),
    memberships: () => prisma.membership.count(),
    serviceUnits: () => prisma.serviceUnit.count(),
    serviceAreaMunicipalities: () => prisma.serviceAreaMunicipality.count(),
    complianceDocuments: () => prisma.complianceDocument.count(),
    applications: () => prisma.registerApplication.count(),
    applicationCategories: () => prisma.applicationCategory.count(),
    applicationEvents: () => prisma.applicationEvent.count(),
    sectionReviews: () => prisma.applicationSectionReview.count(),
    registerEntries: () => prisma.registerEntry.count(),
    offers: () => prisma.offer.count(),
    offerServiceUnits: () => prisma.offerServiceUnit.count(),
    offerPrices: () => prisma.offerPrice.count(),
    offerExtraServices: () => prisma.offerExtraService.count(),
    clients: () => prisma.client.count(),
    vouchers: () => prisma.voucher.count(),
    choices: () => prisma.choice.count(),
    voucherMonths: () => prisma.voucherMonth.count(),
    serviceRecords: () => prisma.serviceRecord.count(),
    monthlySettlements: () => prisma.monthlySettlement.count(),
  }
}

export type SeedSummary = { [table in keyof ReturnType<typeof counters>]: number }

/** Row counts of every table the seed writes (one query at a time: PGlite is a single connection). */
export async function countRows(prisma: PrismaClient): Promise<SeedSummary> {
  const summary: Partial<SeedSummary> = {}
  for (const [table, count] of Object.entries(counters(prisma)) as [keyof SeedSummary, () => Promise<number>][]) {
    summary[table] = await count()
  }
  return summary as SeedSummary
}

const ROLES: [string, string][] = [
  ['staff: admin', DEMO_ACCOUNTS.admin],
  ['staff: reviewer', DEMO_ACCOUNTS.reviewer],
  ['provider: owner (Hemvård Österbotten Ab)', DEMO_ACCOUNTS.owner],
  ['provider: editor (Hemvård Österbotten Ab)', DEMO_ACCOUNTS.editor],
  ['provider: owner, association (submitted)', DEMO_ACCOUNTS.agare],
  ['provider: owner, company (draft)', DEMO_ACCOUNTS.omistaja],
]

/** The demo accounts and the demo voucher as a table for the terminal. */
export function demoAccountsTable(): string {
  const rows: [string, string, string][] = [
    ['role', 'email / voucher code', 'password / date of birth'],
    ...ROLES.map(([role, email]): [string, string, string] => [role, email, DEMO_PASSWORD]),
    ['client: voucher (Gunvor Björkqvist, Närpes)', DEMO_VOUCHER.code, DEMO_VOUCHER.dateOfBirth],
  ]
  const widths = [0, 1, 2].map((column) => Math.max(...rows.map((row) => row[column]!.length)))
  const line = (row: string[]) => `  ${row.map((cell, column) => cell.padEnd(widths[column]!)).join('  ')}`.trimEnd()
  const rule = `  ${widths.map((width) => '─'.repeat(width)).join('  ')}`
  return [line(rows[0]!), rule, ...rows.slice(1).map(line)].join('\n')
}

export function countLine(summary: SeedSummary): string {
  return Object.entries(summary)
    .map(([table, count]) => `${count} ${table}`)
    .join(', ')
}
