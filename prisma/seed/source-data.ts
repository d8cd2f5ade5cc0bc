import { readFileSync } from 'node:fs'

/** data/municipalities.json: the 14 municipalities of the welfare area. */
export type MunicipalitySource = {
  code: string
  fi: string
  sv: string
  officialLanguages: string[]
  lat: number
  lon: number
}

export type DocumentTypeSource = {
  code: string
  fi: string
  sv: string
  en: string
  maxAgeDays?: number
  validUntilRequired?: boolean
  employersOnly?: boolean
  hasRegistrationNumber?: boolean
}

export type CategorySource = {
  code: string
  fi: string
  sv: string
  en: string
  unit: 'hour' | 'day' | 'visit' | 'month'
  voucherType: 'FIXED' | 'INCOME_RELATED'
  valueCents?: number
  maxValueCents?: number
  minValueCents?: number
  requiresSoteri: boolean
}

export type IncomeRuleSource = {
  incomeLimitCentsByHouseholdSize: Record<string, number>
  extraPerAdditionalPersonCents: number
  reductionRate: number
}

/** data/service-catalogue.json: document types, the income rule and the service categories. */
export type ServiceCatalogueSource = {
  documentTypes: DocumentTypeSource[]
  incomeRelatedRule: IncomeRuleSource
  categories: CategorySource[]
}

function readJson<T>(file: string): T {
  return JSON.parse(readFileSync(new URL(`./data/${file}`, import.meta.url), 'utf8')) as T
}

export function readMunicipalities(): MunicipalitySource[] {
  return readJson<{ municipalities: MunicipalitySource[] }>('municipalities.json').municipalities
}

export function readServiceCatalogue(): ServiceCatalogueSource {
  return readJson<ServiceCatalogueSource>('service-catalogue.json')
}
