import type { Locale, Prisma, StaffRole } from '../../app/generated/prisma/client'
import { hashPassword } from '../../app/modules/accounts/password.server'
import { day } from './dates'
import { seedId } from './ids'
import type { OrganisationSpec } from './organisation-catalogue'
import { FINLAND_SWEDISH_SURNAMES } from './names'
import { fakerFI, fakerSV, pick } from './random'

/** The password of every demo account. Demo data only: never use it for a real account. */
export const DEMO_PASSWORD = 'demo-password-2026'

export const DEMO_ACCOUNTS = {
  admin: 'admin@palvelutori.example',
  reviewer: 'reviewer@palvelutori.example',
  /** owner of the first organisation, Hemvård Österbotten Ab (Swedish UI) */
  owner: 'owner@palvelutori.example',
  /** editor of the first organisation */
  editor: 'editor@palvelutori.example',
  /** owner of a Swedish-speaking association with a submitted application */
  agare: 'agare@palvelutori.example',
  /** owner of a Finnish company with a draft application */
  omistaja: 'omistaja@palvelutori.example',
} as const

export type DemoAccountKey = keyof typeof DEMO_ACCOUNTS

export type AccountSeed = {
  key: string
  email: string
  name: string
  locale: Locale
  staffRole: StaffRole | null
  createdAt: Date
}

/** Sole traders run under their own name, so the owner account carries it. */
const SOLE_TRADER_OWNERS: Record<number, string> = {
  10: 'Lena Sjöholm',
  15: 'Maria Nyman',
  21: 'Pirjo Mäkelä',
  23: 'Anu Laaksonen',
  35: 'Tom Ahlskog',
  38: 'Eva Granlund',
  40: 'Saara Hietala',
}

const FIXED_ACCOUNTS: AccountSeed[] = [
  { key: 'admin', email: DEMO_ACCOUNTS.admin, name: 'Helena Backman', locale: 'sv', staffRole: 'ADMIN', createdAt: day('2024-12-02') },
  { key: 'reviewer', email: DEMO_ACCOUNTS.reviewer, name: 'Mikko Rantala', locale: 'fi', staffRole: 'REVIEWER', createdAt: day('2024-12-02') },
  { key: 'editor', email: DEMO_ACCOUNTS.editor, name: 'Jonas Eklund', locale: 'sv', staffRole: null, createdAt: day('2025-03-10') },
]

const DEMO_OWNER_NAMES: Record<string, { name: string; locale: Locale }> = {
  owner: { name: 'Camilla Nyholm', locale: 'sv' },
  agare: { name: 'Britt-Marie Sundqvist', locale: 'sv' },
  omistaja: { name: 'Jari Koskinen', locale: 'fi' },
}

/** The account key of an organisation's owner: a demo key, or org-NNN. */
export function ownerKey(spec: OrganisationSpec): string {
  return spec.demoOwner ?? `org-${String(spec.number).padStart(3, '0')}`
}

function ownerAccount(spec: OrganisationSpec, createdAt: Date): AccountSeed {
  const key = ownerKey(spec)
  const locale: Locale = spec.languages[0] === 'fi' ? 'fi' : 'sv'
  const demo = DEMO_OWNER_NAMES[key]
  const generated =
    locale === 'fi'
      ? `${fakerFI.person.firstName()} ${fakerFI.person.lastName()}`
      : `${fakerSV.person.firstName()} ${pick(FINLAND_SWEDISH_SURNAMES)}`
  const name = demo?.name ?? SOLE_TRADER_OWNERS[spec.number] ?? generated
  return { key, email: `${key}@palvelutori.example`, name, locale: demo?.locale ?? locale, staffRole: null, createdAt }
}

/** Staff, the demo provider users and one owner per organisation (organisations in catalogue order). */
export function buildAccounts(organisations: { spec: OrganisationSpec; createdAt: Date }[]): AccountSeed[] {
  return [...FIXED_ACCOUNTS, ...organisations.map(({ spec, createdAt }) => ownerAccount(spec, createdAt))]
}

/** Upserts the accounts by e-mail; returns account key → user id (an existing user keeps its id). */
export async function seedAccounts(
  tx: Prisma.TransactionClient,
  accounts: AccountSeed[],
  passwordHash: string,
): Promise<Map<string, string>> {
  const ids = new Map<string, string>()
  for (const account of accounts) {
    const data = {
      name: account.name,
      locale: account.locale,
      staffRole: account.staffRole,
      emailVerifiedAt: account.createdAt,
      deactivatedAt: null,
      updatedAt: account.createdAt,
    }
    const user = await tx.user.upsert({
      where: { email: account.email },
      create: { id: seedId('user', account.key), email: account.email, passwordHash, createdAt: account.createdAt, ...data },
      update: data,
      select: { id: true },
    })
    ids.set(account.key, user.id)
  }
  return ids
}

/** argon2id is slow on purpose: hash the one demo password once per run. */
export function hashDemoPassword(): Promise<string> {
  return hashPassword(DEMO_PASSWORD)
}

/** Every organisation's owner, and the demo editor in the first organisation. */
export function buildMemberships(
  organisations: { spec: OrganisationSpec; id: string; createdAt: Date }[],
  userIds: Map<string, string>,
): Prisma.MembershipCreateManyInput[] {
  return organisations.flatMap(({ spec, id, createdAt }) => {
    const owner = {
      id: seedId('membership', spec.number, 'owner'),
      userId: userIds.get(ownerKey(spec))!,
      organisationId: id,
      role: 'OWNER' as const,
      createdAt,
    }
    if (spec.demoOwner !== 'owner') return [owner]
    const editor = {
      id: seedId('membership', spec.number, 'editor'),
      userId: userIds.get('editor')!,
      organisationId: id,
      role: 'EDITOR' as const,
      createdAt: day('2025-03-10'),
    }
    return [owner, editor]
  })
}
