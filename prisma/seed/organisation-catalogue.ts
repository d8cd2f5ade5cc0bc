import type { ApplicationStatus, LegalForm } from '../../app/generated/prisma/client'

export type Language = 'fi' | 'sv' | 'en'

/** Which demo owner account runs the organisation; the rest get org-NNN@palvelutori.example. */
export type DemoOwner = 'owner' | 'agare' | 'omistaja'

export type OrganisationSpec = {
  number: number
  name: string
  /** short name for the invented e-mail and web domain */
  slug: string
  municipalityCode: string
  legalForm: LegalForm
  /** description languages, the organisation's own language first */
  languages: Language[]
  /** the categories the organisation applies for (and, when approved, is registered in) */
  categories: string[]
  /** the state of its (latest) register application */
  status: ApplicationStatus
  demoOwner?: DemoOwner
}

const VAASA = '905'
const KORSHOLM = '499'
const JAKOBSTAD = '598'
const PEDERSORE = '599'
const NYKARLEBY = '893'
const LARSMO = '440'
const VORA = '946'
const MALAX = '475'
const KORSNAS = '280'
const NARPES = '545'
const KASKO = '231'
const KRISTINESTAD = '287'
const LAIHIA = '399'
const ISOKYRO = '152'

type Row = [string, string, string, LegalForm, string, string[], ApplicationStatus, DemoOwner?]

/** Invented providers (any likeness to real organisations is accidental): 30 approved, 10 in other states. */
const ROWS: Row[] = [
  ['Hemvård Österbotten Ab', 'hemvard-osterbotten', NARPES, 'COMPANY', 'sv+fi', ['home-care', 'support-services'], 'APPROVED', 'owner'],
  ['Vaasan Kotihoivapalvelu Oy', 'kotihoivapalvelu', VAASA, 'COMPANY', 'fi+sv+en', ['home-care', 'support-services'], 'APPROVED'],
  ['Närpes hemtjänst Ab', 'narpes-hemtjanst', NARPES, 'COMPANY', 'sv', ['support-services'], 'APPROVED'],
  ['Föreningen Omsorgsringen i Korsholm r.f.', 'omsorgsringen', KORSHOLM, 'REGISTERED_ASSOCIATION', 'sv+fi', ['carer-respite', 'short-term-care'], 'APPROVED'],
  ['Laihian Hoiva ry', 'laihian-hoiva', LAIHIA, 'REGISTERED_ASSOCIATION', 'fi', ['community-housing'], 'APPROVED'],
  ['Jakobstads Vårdhem Ab', 'jakobstads-vardhem', JAKOBSTAD, 'COMPANY', 'sv+fi', ['round-the-clock-housing', 'short-term-care'], 'APPROVED'],
  ['Kristinestads Hemhjälp Ab', 'kristinestads-hemhjalp', KRISTINESTAD, 'COMPANY', 'sv+fi', ['home-care'], 'APPROVED'],
  ['Stiftelsen Solgården i Vasa sr', 'solgarden-vasa', VAASA, 'FOUNDATION', 'sv+fi+en', ['round-the-clock-housing', 'community-housing'], 'APPROVED'],
  ['Pohjanmaan Terapiakeskus Oy', 'terapiakeskus', VAASA, 'COMPANY', 'fi+en', ['psychotherapy'], 'APPROVED'],
  ['Munhygienist Lena Sjöholm', 'munhygien-sjoholm', JAKOBSTAD, 'SOLE_TRADER', 'sv', ['oral-hygiene'], 'APPROVED'],
  ['Korsholms Assistans Ab', 'korsholms-assistans', KORSHOLM, 'COMPANY', 'sv+fi', ['personal-assistance'], 'APPROVED'],
  ['Vaasan Perhepalvelu Oy', 'perhepalvelu', VAASA, 'COMPANY', 'fi+sv', ['family-home-help'], 'APPROVED'],
  ['Andelslaget Omsorgskraft i Nykarleby', 'omsorgskraft', NYKARLEBY, 'COOPERATIVE', 'sv+fi', ['home-care', 'support-services'], 'APPROVED'],
  ['Pedersöre Städ & Service Ab', 'pedersore-stad', PEDERSORE, 'COMPANY', 'sv', ['support-services'], 'APPROVED'],
  ['Larsmo Hemservice Maria Nyman', 'larsmo-hemservice', LARSMO, 'SOLE_TRADER', 'sv', ['support-services'], 'APPROVED'],
  ['Vörå Seniorboende Ab', 'vora-seniorboende', VORA, 'COMPANY', 'sv+fi', ['community-housing', 'short-term-care'], 'APPROVED'],
  ['Malax Hemvård Ab', 'malax-hemvard', MALAX, 'COMPANY', 'sv', ['home-care'], 'APPROVED'],
  ['Korsnäs Omsorg r.f.', 'korsnas-omsorg', KORSNAS, 'REGISTERED_ASSOCIATION', 'sv', ['carer-respite'], 'APPROVED'],
  ['Kaskisten Kotipalvelu Oy', 'kaskisten-kotipalvelu', KASKO, 'COMPANY', 'fi+sv', ['support-services', 'home-care'], 'APPROVED'],
  ['Isonkyrön Palvelukoti Oy', 'isonkyron-palvelukoti', ISOKYRO, 'COMPANY', 'fi', ['round-the-clock-housing'], 'APPROVED'],
  ['Siivous- ja kotiapu Mäkelä', 'kotiapu-makela', LAIHIA, 'SOLE_TRADER', 'fi', ['support-services'], 'APPROVED'],
  ['Vaasan Suuhygienia Oy', 'vaasan-suuhygienia', VAASA, 'COMPANY', 'fi+sv', ['oral-hygiene'], 'APPROVED'],
  ['Psykoterapia Anu Laaksonen', 'psykoterapia-laaksonen', VAASA, 'SOLE_TRADER', 'fi+en', ['psychotherapy'], 'APPROVED'],
  ['Terapi Österbotten Ab', 'terapi-osterbotten', JAKOBSTAD, 'COMPANY', 'sv+fi+en', ['psychotherapy'], 'APPROVED'],
  ['Närpes Boende och Omsorg Ab', 'narpes-boende', NARPES, 'COMPANY', 'sv', ['round-the-clock-housing', 'short-term-care'], 'APPROVED'],
  ['Kristinestads Assistanstjänst Ab', 'kristinestads-assistans', KRISTINESTAD, 'COMPANY', 'sv+fi', ['personal-assistance', 'family-home-help'], 'APPROVED'],
  ['Mustasaaren Perhetuki ry', 'perhetuki', KORSHOLM, 'REGISTERED_ASSOCIATION', 'fi+sv', ['family-home-help'], 'APPROVED'],
  ['Jakobstads Hemvårdstjänst Ab', 'jakobstads-hemvard', JAKOBSTAD, 'COMPANY', 'sv+fi', ['home-care', 'support-services', 'personal-assistance'], 'APPROVED'],
  ['Föreningen Hemhjälpen i Vasa r.f.', 'hemhjalpen-vasa', VAASA, 'REGISTERED_ASSOCIATION', 'sv+fi', ['support-services'], 'APPROVED'],
  ['Kyrönjoen Kotihoito Oy', 'kyronjoen-kotihoito', ISOKYRO, 'COMPANY', 'fi', ['home-care'], 'APPROVED'],
  ['Föreningen Vårdkedjan i Jakobstad r.f.', 'vardkedjan', JAKOBSTAD, 'REGISTERED_ASSOCIATION', 'sv', ['carer-respite'], 'SUBMITTED', 'agare'],
  ['Kyrönmaan Hoivapalvelut Oy', 'kyronmaan-hoiva', LAIHIA, 'COMPANY', 'fi', ['home-care'], 'DRAFT', 'omistaja'],
  ['Nykarleby Hemvård Ab', 'nykarleby-hemvard', NYKARLEBY, 'COMPANY', 'sv', ['home-care'], 'IN_REVIEW'],
  ['Vaasan Asumispalvelut Oy', 'vaasan-asumispalvelut', VAASA, 'COMPANY', 'fi+sv', ['round-the-clock-housing'], 'IN_REVIEW'],
  ['Malax Assistans Tom Ahlskog', 'malax-assistans', MALAX, 'SOLE_TRADER', 'sv', ['personal-assistance'], 'RETURNED'],
  ['Smedsby Seniortjänst Ab', 'smedsby-seniortjanst', KORSHOLM, 'COMPANY', 'sv+fi', ['support-services'], 'RETURNED'],
  ['Vöyrin Hoitokoti Oy', 'voyrin-hoitokoti', VORA, 'COMPANY', 'fi', ['short-term-care'], 'REJECTED'],
  ['Terapi Granlund', 'terapi-granlund', PEDERSORE, 'SOLE_TRADER', 'sv', ['psychotherapy'], 'WITHDRAWN'],
  ['Lappfjärds Hemtjänst Ab', 'lappfjards-hemtjanst', KRISTINESTAD, 'COMPANY', 'sv', ['support-services'], 'SUBMITTED'],
  ['Meri-Vaasan Kotisiivous Saara Hietala', 'kotisiivous-hietala', VAASA, 'SOLE_TRADER', 'fi', ['support-services'], 'DRAFT'],
]

export const ORGANISATION_SPECS: OrganisationSpec[] = ROWS.map(
  ([name, slug, municipalityCode, legalForm, languages, categories, status, demoOwner], index) => ({
    number: index + 1,
    name,
    slug,
    municipalityCode,
    legalForm,
    languages: languages.split('+') as Language[],
    categories,
    status,
    ...(demoOwner ? { demoOwner } : {}),
  }),
)

/** Categories served by visiting the client at home (the organisation gets a home-visit area). */
export const HOME_VISIT_CATEGORIES = new Set(['home-care', 'support-services', 'personal-assistance', 'family-home-help'])

/** Categories given at the provider's own premises. */
export const PREMISES_CATEGORIES = new Set([
  'round-the-clock-housing',
  'community-housing',
  'short-term-care',
  'carer-respite',
  'psychotherapy',
  'oral-hygiene',
])
