import { hsdsVersion, licence } from './openapi'

/** The API's root (`GET /api/hsds/`): the HSDS version, the profile (our documentation page) and the OpenAPI document. */
export function apiRoot(origin: string) {
  return {
    version: hsdsVersion,
    profile: `${origin}/open-data`,
    openapi_url: `${origin}/api/hsds/openapi.json`,
    description: `The public producer register of service vouchers of the Wellbeing services county of Ostrobothnia, as Open Referral HSDS ${hsdsVersion}. Data licence: ${licence.name}.`,
    publisher: { name: 'Pohjanmaan hyvinvointialue – Österbottens välfärdsområde', website: origin },
  }
}
