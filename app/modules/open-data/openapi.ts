import { defaultPerPage, maxListValues, maxPage, maxPerPage, maxSearchLength } from './params'

/**
 * The OpenAPI 3.1 document of our open-data API (served at /api/hsds/openapi.json), written from the HSDS 3.1
 * OpenAPI document (../shared/data/hsds-3.1/openapi.json): the same paths, operation ids and pagination envelope,
 * only the methods and parameters we implement, plus our `lang`, `municipality` and `language` parameters. The
 * response schemas are the HSDS 3.1 compiled schemas at the commit our responses are validated against.
 */
export const hsdsVersion = '3.1'
const schemaBase = 'https://raw.githubusercontent.com/openreferral/specification/abc731c8ac11825010e9d74a0ab61dcd48e880ec/schema'
export const licence = { name: 'Creative Commons Attribution 4.0 International (CC BY 4.0)', identifier: 'CC-BY-4.0', url: 'https://creativecommons.org/licenses/by/4.0/' }

const description = `Read-only Open Referral HSDS ${hsdsVersion} API of the public producer register of the Wellbeing services county of Ostrobothnia (Pohjanmaan hyvinvointialue / Österbottens välfärdsområde): the service providers approved for service vouchers, their published offers and the places where they are given.

**What is included.** Only public data: the published offers of providers whose register entry for the offer's service category is in force, those providers, and the places (service units) of those offers. Nothing about clients, vouchers, documents or staff. Data licence: ${licence.name}, attribution "Pohjanmaan hyvinvointialue".

**Mapping.** organisation → organization (the Finnish Business ID is an organization_identifier with identifier_scheme FI-PRO; legal form as legal_status; the service categories the provider is approved for are attributes with link_type "register_category" whose value is the date the entry is valid from; the sector is an attribute with link_type "sector", value PRIVATE or THIRD_SECTOR). Offer → service (status always "active"): service languages as languages (ISO 639-1, Finnish and Finland-Swedish sign language as ISO 639-3 fse and fss); cost_options for the price per unit (with valid_from and, when a new price is scheduled, valid_to and a second option), the service voucher's value per unit in force (one option; an income-related voucher has a minimum and a maximum option) and extra services (never covered by the voucher), amounts in euros (currency EUR); capacities: free client places (unit "client-place") with the time the provider last confirmed them (updated); service_areas: the municipalities of home visits, each with an attribute link_type "municipality_code" (Statistics Finland code); the service category as an attribute with link_type "service_category" and its taxonomy_term. A place where a service is given → location (physical, with address, coordinates, accessibility and phone) and a service_at_location per offer given there.

**Identifiers** are UUIDs derived from our records (RFC 9562 version 3, name-based): stable for the same record.

**Language.** Texts are in Finnish, Swedish or English: \`lang=fi|sv|en\`, else the Accept-Language header, else Swedish. A text missing in the chosen language falls back to the other national language, then English (the order of the public catalogue). The other languages stay reachable: each response carries Link headers (rel="alternate", hreflang) to the same address in the other languages, and a service's alternate_name is its name in the next language that has a different one. Responses carry Content-Language and Vary: Accept-Language.

**Lists** use the HSDS pagination envelope (total_items, total_pages, page_number, size, first_page, last_page, empty, contents). \`page\` starts at 1; a page past the end is empty, not an error. \`per_page\` is 1–${maxPerPage} (default ${defaultPerPage}). Parameters an endpoint does not know are ignored; an empty value counts as not given.

**Caching.** Responses carry a weak ETag and, where known, Last-Modified, and Cache-Control: public, max-age=300. If-None-Match and If-Modified-Since answer 304 Not Modified.

**CORS.** Any origin may read the API (Access-Control-Allow-Origin: *); OPTIONS answers preflight requests.

**Errors** are JSON: \`{"error": "invalid_parameter", "parameter": "per_page", "detail": "…"}\` (400), \`{"error": "not_found", "detail": "…"}\` (404), \`{"error": "method_not_allowed", "detail": "…"}\` (405, the API is read-only).`

type Parameter = Record<string, unknown>

const parameters: Record<string, Parameter> = {
  lang: {
    name: 'lang',
    in: 'query',
    required: false,
    description: 'Language of the texts: fi, sv or en. Without it the Accept-Language header decides (default sv).',
    schema: { type: 'string', enum: ['fi', 'sv', 'en'] },
  },
  search: {
    name: 'search',
    in: 'query',
    required: false,
    description: `Text search, case-insensitive, at most ${maxSearchLength} characters. Services and service_at_locations: the service's name or description in any language, or the organisation's name. Organizations: the name, business ID or description. Taxonomy terms: the code or a name.`,
    schema: { type: 'string', maxLength: maxSearchLength },
  },
  page: {
    name: 'page',
    in: 'query',
    required: false,
    description: 'Page number, from 1. A page past the last one is empty.',
    schema: { type: 'integer', minimum: 1, maximum: maxPage, default: 1 },
  },
  per_page: {
    name: 'per_page',
    in: 'query',
    required: false,
    description: `Results per page, 1–${maxPerPage}.`,
    schema: { type: 'integer', minimum: 1, maximum: maxPerPage, default: defaultPerPage },
  },
  format: {
    name: 'format',
    in: 'query',
    required: false,
    description: 'Only json is given.',
    schema: { type: 'string', enum: ['json'] },
  },
  taxonomy_term_id: {
    name: 'taxonomy_term_id',
    in: 'query',
    required: false,
    description: 'Records of one service category: the id of a term from /taxonomy_terms. Organizations: providers approved for the category.',
    schema: { type: 'string', format: 'uuid' },
  },
  taxonomy_id: {
    name: 'taxonomy_id',
    in: 'query',
    required: false,
    description: 'Records with a term of this taxonomy (there is one: the service categories, see /taxonomies). Another id gives an empty list.',
    schema: { type: 'string', format: 'uuid' },
  },
  organization_id: {
    name: 'organization_id',
    in: 'query',
    required: false,
    description: 'Services of one organization (an id from /organizations).',
    schema: { type: 'string', format: 'uuid' },
  },
  modified_after: {
    name: 'modified_after',
    in: 'query',
    required: false,
    description:
      "Services whose last_modified is on or after this time: the offer, its organisation or one of its places changed, its register entry was decided or reinstated, or its category's voucher value was added or came into force. ISO 8601 date-time with a time zone (2026-11-01T08:00:00Z, 2026-11-01T10:00:00+02:00) or a date (its UTC midnight).",
    schema: { type: 'string', format: 'date-time' },
  },
  municipality: {
    name: 'municipality',
    in: 'query',
    required: false,
    description: `Municipality codes of Statistics Finland (three digits, e.g. 905 Vaasa/Vasa), comma-separated or repeated; any of them (at most ${maxListValues}). Services and organizations: a place in the municipality or home visits there. Service_at_locations: the place is in the municipality.`,
    schema: { type: 'array', items: { type: 'string', pattern: '^\\d{3}$' } },
    style: 'form',
    explode: false,
  },
  language: {
    name: 'language',
    in: 'query',
    required: false,
    description: `Service languages (ISO 639-1 such as sv, fi, ar; ISO 639-3 fse and fss for the sign languages), comma-separated or repeated; services given in any of them (at most ${maxListValues}). Not the language of the texts (that is lang).`,
    schema: { type: 'array', items: { type: 'string', pattern: '^[a-z]{2,3}$' } },
    style: 'form',
    explode: false,
  },
  full: {
    name: 'full',
    in: 'query',
    required: false,
    description: 'true: fully nested objects in the list (as the item endpoint gives them).',
    schema: { type: 'boolean', default: false },
  },
  full_service: {
    name: 'full_service',
    in: 'query',
    required: false,
    description: "true: the organization's services fully nested (otherwise their one-to-one fields).",
    schema: { type: 'boolean', default: false },
  },
  minimal: {
    name: 'minimal',
    in: 'query',
    required: false,
    description: 'true: only id, name, status and last_modified of each service.',
    schema: { type: 'boolean', default: false },
  },
  top_only: {
    name: 'top_only',
    in: 'query',
    required: false,
    description: 'Every term is a top-level term (the taxonomy has one level): true and false give the same list.',
    schema: { type: 'boolean' },
  },
  parent_id: {
    name: 'parent_id',
    in: 'query',
    required: false,
    description: 'No term has a parent: any id gives an empty list.',
    schema: { type: 'string', format: 'uuid' },
  },
}

const ref = (name: string) => ({ $ref: `#/components/parameters/${name}` })

function pathId(what: string): Parameter {
  return { in: 'path', name: 'id', required: true, description: `The id (UUID) of the ${what}.`, schema: { type: 'string', format: 'uuid' } }
}

const errors = {
  '400': { $ref: '#/components/responses/BadRequest' },
  '405': { $ref: '#/components/responses/MethodNotAllowed' },
}
const itemErrors = { ...errors, '404': { $ref: '#/components/responses/NotFound' } }
const notModified = { '304': { $ref: '#/components/responses/NotModified' } }

function list(operationId: string, summary: string, itemSchema: string, names: string[]) {
  return {
    get: {
      operationId,
      summary,
      parameters: [...names.map(ref), ref('lang')],
      responses: {
        '200': {
          description: summary,
          headers: { ETag: { $ref: '#/components/headers/ETag' }, 'Last-Modified': { $ref: '#/components/headers/LastModified' } },
          content: {
            'application/json': {
              schema: {
                allOf: [{ $ref: '#/components/schemas/Page' }],
                properties: { contents: { type: 'array', items: { $ref: `${schemaBase}/${itemSchema}` } } },
              },
            },
          },
        },
        ...notModified,
        ...errors,
      },
    },
  }
}

function item(operationId: string, summary: string, what: string, schema: string, names: string[] = []) {
  return {
    parameters: [pathId(what)],
    get: {
      operationId,
      summary,
      parameters: [...names.map(ref), ref('lang')],
      responses: {
        '200': {
          description: summary,
          headers: { ETag: { $ref: '#/components/headers/ETag' } },
          content: { 'application/json': { schema: { $ref: `${schemaBase}/${schema}` } } },
        },
        ...notModified,
        ...itemErrors,
      },
    },
  }
}

const listCommon = ['search', 'page', 'per_page', 'format']

export function openApiDocument(origin: string) {
  return {
    openapi: '3.1.0',
    info: {
      title: 'Palvelutori – Servicetorget: producer register (Open Referral HSDS 3.1)',
      version: '1.0.0',
      summary: 'The public producer register of service vouchers of the Wellbeing services county of Ostrobothnia, as HSDS 3.1.',
      description,
      contact: { name: 'Pohjanmaan hyvinvointialue – Österbottens välfärdsområde', url: `${origin}/open-data` },
      license: { name: licence.name, identifier: licence.identifier },
    },
    jsonSchemaDialect: 'https://json-schema.org/draft/2020-12/schema',
    servers: [{ url: `${origin}/api/hsds`, description: 'This service' }],
    externalDocs: { description: 'Open data: the API explained (fi, sv, en)', url: `${origin}/open-data` },
    paths: {
      '/': {
        get: {
          operationId: 'getAPIMetaInformation',
          summary: 'Information about this API and its relationship with HSDS.',
          responses: {
            '200': {
              description: 'The HSDS version, the profile (our documentation page) and this document.',
              content: {
                'application/json': {
                  schema: {
                    type: 'object',
                    required: ['version', 'profile', 'openapi_url'],
                    properties: {
                      version: { type: 'string', description: 'HSDS version of this API.' },
                      profile: { type: 'string', format: 'uri', description: 'Documentation of this API and its use of HSDS.' },
                      openapi_url: { type: 'string', format: 'uri', description: 'This OpenAPI document.' },
                      description: { type: 'string' },
                      publisher: {
                        type: 'object',
                        properties: { name: { type: 'string' }, identifier: { type: 'string' }, website: { type: 'string', format: 'uri' } },
                      },
                    },
                  },
                },
              },
            },
            ...notModified,
          },
        },
      },
      '/services': list('getPaginatedListOfServices', 'Paginated list of services (one-to-one fields; full=true: fully nested).', 'compiled/service_list.json', [
        ...listCommon,
        'taxonomy_term_id',
        'taxonomy_id',
        'organization_id',
        'modified_after',
        'municipality',
        'language',
        'minimal',
        'full',
      ]),
      '/services/{id}': item('getFullyNestedServiceById', 'A fully nested service.', 'service', 'compiled/service.json'),
      '/organizations': list(
        'getPaginatedListOfOrganizations',
        'Paginated list of organizations (one-to-one fields; full=true: fully nested).',
        'compiled/organization_list.json',
        [...listCommon, 'taxonomy_term_id', 'taxonomy_id', 'municipality', 'language', 'full', 'full_service'],
      ),
      '/organizations/{id}': item(
        'getOrganizationById',
        'A fully nested organization with its services (one-to-one fields; full_service=true: fully nested), locations and identifiers.',
        'organization',
        'compiled/organization.json',
        ['full_service'],
      ),
      '/service_at_locations': list(
        'getPaginatedListOfServiceAtLocation',
        'Paginated list of services at locations (one-to-one fields; full=true: fully nested).',
        'compiled/service_at_location_list.json',
        [...listCommon, 'taxonomy_term_id', 'taxonomy_id', 'organization_id', 'modified_after', 'municipality', 'language', 'full'],
      ),
      '/service_at_locations/{id}': item(
        'getServiceAtLocationWithNestedDataById',
        'A fully nested service at a location.',
        'service at location',
        'compiled/service_at_location.json',
      ),
      '/taxonomies': list('getPaginatedListOfTaxonomies', 'Paginated list of taxonomies (one: the service categories).', 'taxonomy.json', listCommon),
      '/taxonomies/{id}': item('getTaxonomyById', 'A taxonomy.', 'taxonomy', 'taxonomy.json'),
      '/taxonomy_terms': list('getPaginatedListOfTaxonomyTerms', 'Paginated list of taxonomy terms (the service categories).', 'taxonomy_term.json', [
        ...listCommon,
        'taxonomy_id',
        'top_only',
        'parent_id',
      ]),
      '/taxonomy_terms/{id}': item('getTaxonomyTermById', 'A taxonomy term (a service category).', 'taxonomy term', 'taxonomy_term.json'),
    },
    components: {
      parameters,
      schemas: {
        Page: {
          type: 'object',
          required: ['total_items', 'total_pages', 'page_number', 'size', 'first_page', 'last_page', 'empty', 'contents'],
          properties: {
            total_items: { type: 'integer', description: 'The number of records matching the request.' },
            total_pages: { type: 'integer', description: 'The number of pages (at least 1).' },
            page_number: { type: 'integer', description: 'The number of this page, from 1.' },
            size: { type: 'integer', description: 'The number of records on this page.' },
            first_page: { type: 'boolean', description: 'Whether this is the first page.' },
            last_page: { type: 'boolean', description: 'Whether this is the last page (or past it).' },
            empty: { type: 'boolean', description: 'Whether this page has no records.' },
            contents: { type: 'array' },
          },
        },
        Error: {
          type: 'object',
          required: ['error', 'detail'],
          properties: {
            error: { type: 'string', enum: ['invalid_parameter', 'not_found', 'method_not_allowed', 'internal_error'] },
            detail: { type: 'string' },
            parameter: { type: 'string', description: 'The parameter that was wrong (400).' },
          },
        },
      },
      headers: {
        ETag: { description: 'A weak entity tag of the body; send it back in If-None-Match.', schema: { type: 'string' } },
        LastModified: { description: 'When the records behind the response last changed (lists: the whole register).', schema: { type: 'string' } },
      },
      responses: {
        NotModified: { description: 'The copy named by If-None-Match or If-Modified-Since is current.' },
        BadRequest: { description: 'A parameter is not valid.', content: { 'application/json': { schema: { $ref: '#/components/schemas/Error' } } } },
        NotFound: { description: 'No public record has this id.', content: { 'application/json': { schema: { $ref: '#/components/schemas/Error' } } } },
        MethodNotAllowed: { description: 'The API is read-only (GET, HEAD, OPTIONS).', content: { 'application/json': { schema: { $ref: '#/components/schemas/Error' } } } },
      },
    },
  }
}
