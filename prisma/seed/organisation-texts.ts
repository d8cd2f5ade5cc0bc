import type { LegalForm } from '../../app/generated/prisma/client'
import { capitalise, categoryWords } from './category-words'
import type { Language } from './organisation-catalogue'
import { place } from './places'
import { pick } from './random'

type DescriptionInput = {
  name: string
  legalForm: LegalForm
  categories: string[]
  municipalityCode: string
  municipalityFi: string
  municipalitySv: string
  languages: Language[]
}

const KIND: Record<LegalForm, { sv: string; fi: string; en: string }> = {
  COMPANY: { sv: 'ett familjeföretag', fi: 'perheyritys', en: 'a family business' },
  SOLE_TRADER: { sv: 'en enskild näringsidkare', fi: 'yksityinen elinkeinonharjoittaja', en: 'a sole trader' },
  REGISTERED_ASSOCIATION: { sv: 'en registrerad förening', fi: 'rekisteröity yhdistys', en: 'a registered association' },
  FOUNDATION: { sv: 'en stiftelse', fi: 'säätiö', en: 'a foundation' },
  COOPERATIVE: { sv: 'ett andelslag', fi: 'osuuskunta', en: 'a cooperative' },
}

function list(items: string[], and: string): string {
  return items.length <= 1 ? (items[0] ?? '') : `${items.slice(0, -1).join(', ')} ${and} ${items.at(-1)}`
}

function servedLanguages(input: DescriptionInput, reader: Language): string {
  const names = {
    sv: { sv: 'svenska', fi: 'finska', en: 'engelska' },
    fi: { sv: 'ruotsiksi', fi: 'suomeksi', en: 'englanniksi' },
    en: { sv: 'Swedish', fi: 'Finnish', en: 'English' },
  }[reader]
  const spoken = list(input.languages.map((language) => names[language]), { sv: 'och', fi: 'ja', en: 'and' }[reader])
  return { sv: `Vi betjänar dig på ${spoken}.`, fi: `Palvelemme ${spoken}.`, en: `We serve clients in ${spoken}.` }[reader]
}

function swedish(input: DescriptionInput): string {
  const services = list(input.categories.map((code) => categoryWords(code).sv), 'och')
  const municipality = input.municipalitySv
  const opening = pick([
    `${input.name} är ${KIND[input.legalForm].sv} i ${municipality} som erbjuder ${services}.`,
    `Vi är ${KIND[input.legalForm].sv} med rötter i ${municipality}. Vi erbjuder ${services} med servicesedel från Österbottens välfärdsområde.`,
    `${input.name} erbjuder ${services} i ${municipality} med omnejd.`,
  ])
  const middle = pick([
    'Hos oss får du en fast kontaktperson som känner dig och din vardag.',
    'Vår personal är utbildad inom vård och omsorg och vi arbetar i små, fasta team.',
    'Vi gör upp en plan tillsammans med dig och dina närstående och följer upp den regelbundet.',
  ])
  return [opening, middle, servedLanguages(input, 'sv')].join(' ')
}

function finnish(input: DescriptionInput): string {
  const services = list(input.categories.map((code) => categoryWords(code).fiPartitive), 'ja')
  const { fiGenitive, fiLocative } = place(input.municipalityCode)
  const opening = pick([
    `${input.name} on ${fiLocative} toimiva ${KIND[input.legalForm].fi}, joka tarjoaa ${services}.`,
    `Olemme ${fiGenitive} seudulla toimiva ${KIND[input.legalForm].fi}. Tarjoamme ${services} Pohjanmaan hyvinvointialueen palvelusetelillä.`,
    `${input.name} tarjoaa ${services} ${fiGenitive} alueella.`,
  ])
  const middle = pick([
    'Meillä sinulla on oma yhteyshenkilö, joka tuntee sinut ja arkesi.',
    'Henkilökuntamme on koulutettua, ja työskentelemme pienissä, pysyvissä tiimeissä.',
    'Laadimme suunnitelman yhdessä kanssasi ja läheistesi kanssa ja seuraamme sitä säännöllisesti.',
  ])
  return [capitalise(opening), middle, servedLanguages(input, 'fi')].join(' ')
}

function english(input: DescriptionInput): string {
  const services = list(input.categories.map((code) => categoryWords(code).en), 'and')
  const municipality = input.languages[0] === 'fi' ? input.municipalityFi : input.municipalitySv
  const opening = pick([
    `${input.name} is ${KIND[input.legalForm].en} in ${municipality} offering ${services}.`,
    `We are ${KIND[input.legalForm].en} based in ${municipality}, providing ${services} with service vouchers from the Wellbeing services county of Ostrobothnia.`,
  ])
  return [opening, 'You get a named contact person who knows you and your everyday life.', servedLanguages(input, 'en')].join(' ')
}

/** Public descriptions in the organisation's languages; the others stay empty (as real providers leave them). */
export function organisationDescriptions(input: DescriptionInput) {
  return {
    descriptionSv: input.languages.includes('sv') ? swedish(input) : null,
    descriptionFi: input.languages.includes('fi') ? finnish(input) : null,
    descriptionEn: input.languages.includes('en') ? english(input) : null,
  }
}
