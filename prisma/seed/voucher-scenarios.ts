import type { Locale, VoucherStatus } from '../../app/generated/prisma/client'

export type VoucherScenario = {
  /** the demo voucher: its code is DEMO_VOUCHER.code */
  demo?: true
  category: string
  status: VoucherStatus
  /** the organisation whose offer the client chose (pending for ASSIGNED, accepted otherwise) */
  provider?: number
  /** an earlier provider the client left (its choice ENDED) */
  previousProvider?: number
  /** a provider that declined the client before the current choice */
  declinedBy?: number
  /** INCOME_RELATED categories: household size and gross monthly income in euros */
  household?: [size: number, incomeEuros: number]
  perMonth?: number
  total?: number
  /** override the randomly chosen decision date (days before the reference date) */
  decisionDaysAgo?: number
  cancelledReason?: string
}

export type ClientScenario = {
  municipality: string
  language: Locale
  female: boolean
  /** fixed identity for the demo client */
  name?: [first: string, last: string]
  dateOfBirth?: string
  vouchers: VoucherScenario[]
}

const NARPES = '545'
const VAASA = '905'
const KORSHOLM = '499'
const JAKOBSTAD = '598'
const KRISTINESTAD = '287'
const MALAX = '475'
const PEDERSORE = '599'
const LAIHIA = '399'

/** The first client is the demo client; the first organisation (Närpes) serves clients 2–5. */
export const CLIENT_SCENARIOS: ClientScenario[] = [
  {
    municipality: NARPES,
    language: 'sv',
    female: true,
    name: ['Gunvor', 'Björkqvist'],
    dateOfBirth: '1941-03-14',
    vouchers: [{ demo: true, category: 'home-care', status: 'ISSUED', household: [1, 1850], perMonth: 20, decisionDaysAgo: 7 }],
  },
  { municipality: NARPES, language: 'sv', female: false, vouchers: [{ category: 'home-care', status: 'ACTIVE', provider: 1, household: [2, 2000], perMonth: 24 }] },
  {
    municipality: NARPES,
    language: 'sv',
    female: true,
    vouchers: [
      { category: 'support-services', status: 'ACTIVE', provider: 1, perMonth: 8 },
      { category: 'home-care', status: 'ASSIGNED', provider: 1, household: [1, 1400], perMonth: 12 },
    ],
  },
  {
    municipality: NARPES,
    language: 'sv',
    female: true,
    vouchers: [{ category: 'home-care', status: 'ACTIVE', provider: 1, previousProvider: 7, household: [1, 900], perMonth: 30, decisionDaysAgo: 230 }],
  },
  {
    municipality: KRISTINESTAD,
    language: 'sv',
    female: false,
    vouchers: [
      { category: 'support-services', status: 'ACTIVE', provider: 1, perMonth: 6 },
      { category: 'home-care', status: 'EXPIRED', provider: 7, household: [2, 3300], perMonth: 16 },
    ],
  },
  { municipality: NARPES, language: 'sv', female: false, vouchers: [{ category: 'short-term-care', status: 'ISSUED', total: 14 }] },
  {
    municipality: VAASA,
    language: 'fi',
    female: true,
    vouchers: [
      { category: 'home-care', status: 'ACTIVE', provider: 2, household: [1, 1500], perMonth: 30 },
      { category: 'short-term-care', status: 'EXHAUSTED', provider: 16, total: 14 },
    ],
  },
  { municipality: VAASA, language: 'fi', female: false, vouchers: [{ category: 'support-services', status: 'ASSIGNED', provider: 2, declinedBy: 29, perMonth: 10 }] },
  { municipality: VAASA, language: 'sv', female: true, vouchers: [{ category: 'round-the-clock-housing', status: 'ACTIVE', provider: 8, household: [1, 2100], perMonth: 31 }] },
  { municipality: VAASA, language: 'en', female: true, vouchers: [{ category: 'psychotherapy', status: 'ACTIVE', provider: 9, total: 20 }] },
  { municipality: VAASA, language: 'fi', female: false, vouchers: [{ category: 'oral-hygiene', status: 'EXHAUSTED', provider: 22, total: 2 }] },
  {
    municipality: VAASA,
    language: 'fi',
    female: true,
    vouchers: [
      { category: 'support-services', status: 'ACTIVE', provider: 29, perMonth: 8 },
      { category: 'oral-hygiene', status: 'EXPIRED', provider: 22, total: 2 },
    ],
  },
  {
    municipality: KORSHOLM,
    language: 'sv',
    female: false,
    vouchers: [
      { category: 'carer-respite', status: 'ACTIVE', provider: 4, perMonth: 3 },
      { category: 'home-care', status: 'ACTIVE', provider: 2, household: [2, 2100], perMonth: 14 },
    ],
  },
  { municipality: KORSHOLM, language: 'sv', female: false, vouchers: [{ category: 'personal-assistance', status: 'ACTIVE', provider: 11, perMonth: 60 }] },
  {
    municipality: KORSHOLM,
    language: 'sv',
    female: true,
    vouchers: [
      {
        category: 'home-care',
        status: 'CANCELLED',
        household: [1, 1650],
        perMonth: 18,
        cancelledReason: 'Klienten flyttade till serviceboende med heldygnsomsorg och behöver inte längre hemvård.',
      },
    ],
  },
  { municipality: KORSHOLM, language: 'fi', female: false, vouchers: [{ category: 'support-services', status: 'ISSUED', perMonth: 6 }] },
  { municipality: JAKOBSTAD, language: 'sv', female: true, vouchers: [{ category: 'home-care', status: 'ACTIVE', provider: 28, household: [2, 2300], perMonth: 20 }] },
  { municipality: JAKOBSTAD, language: 'sv', female: false, vouchers: [{ category: 'round-the-clock-housing', status: 'ASSIGNED', provider: 6, household: [1, 1900], perMonth: 31 }] },
  { municipality: JAKOBSTAD, language: 'sv', female: true, vouchers: [{ category: 'oral-hygiene', status: 'ISSUED', total: 3 }] },
  { municipality: JAKOBSTAD, language: 'en', female: false, vouchers: [{ category: 'psychotherapy', status: 'ACTIVE', provider: 24, total: 15 }] },
  { municipality: KRISTINESTAD, language: 'sv', female: true, vouchers: [{ category: 'personal-assistance', status: 'ACTIVE', provider: 26, perMonth: 40 }] },
  { municipality: MALAX, language: 'sv', female: false, vouchers: [{ category: 'home-care', status: 'EXPIRED', provider: 17, household: [1, 640], perMonth: 22 }] },
  {
    municipality: PEDERSORE,
    language: 'sv',
    female: true,
    vouchers: [
      { category: 'support-services', status: 'ACTIVE', provider: 14, perMonth: 10 },
      { category: 'home-care', status: 'ISSUED', household: [1, 3400], perMonth: 10 },
    ],
  },
  { municipality: LAIHIA, language: 'fi', female: true, vouchers: [{ category: 'community-housing', status: 'ACTIVE', provider: 5, perMonth: 1 }] },
  { municipality: LAIHIA, language: 'fi', female: false, vouchers: [{ category: 'home-care', status: 'ISSUED', household: [3, 3100], perMonth: 16 }] },
]

/** Organisation number → municipalities its home-visit area must cover, because clients there chose it. */
export function requiredHomeVisitMunicipalities(homeVisitCategories: Set<string>): Map<number, Set<string>> {
  const required = new Map<number, Set<string>>()
  for (const client of CLIENT_SCENARIOS) {
    for (const voucher of client.vouchers) {
      if (!homeVisitCategories.has(voucher.category)) continue
      for (const organisation of [voucher.provider, voucher.previousProvider, voucher.declinedBy]) {
        if (organisation === undefined) continue
        required.set(organisation, (required.get(organisation) ?? new Set()).add(client.municipality))
      }
    }
  }
  return required
}
