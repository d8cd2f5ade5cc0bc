import { existsSync, readFileSync } from 'node:fs'
import { join, resolve } from 'node:path'
import { Ajv2020, type ErrorObject, type ValidateFunction } from 'ajv/dist/2020.js'
import addFormatsModule from 'ajv-formats'

/**
 * Validators of the Open Referral HSDS 3.1 JSON schemas, for tests only (ajv is a devDependency).
 *
 * The schemas come from tests/fixtures/hsds-3.1, a copy of ../shared/data/hsds-3.1 (override with HSDS_SCHEMA_DIR): the compiled schemas (references
 * resolved) for services, organisations and services at locations, the top-level ones for taxonomies and terms.
 * They have no `$schema`; HSDS's OpenAPI document declares JSON Schema draft 2020-12 (`jsonSchemaDialect`), so Ajv's
 * 2020 dialect validates them, with the formats (uuid, email, uri, date-time) checked by ajv-formats. Ajv stays in
 * strict mode; the only allowance is that HSDS's own annotation keywords (Frictionless Data package metadata:
 * name, path, constraints, core, example, …) are declared as a vocabulary, so they are known and ignored.
 */
const hsdsAnnotations = ['name', 'path', 'datapackage_metadata', 'tabular_required', 'constraints', 'example', 'core', 'datapackage_type']
const base = 'https://hsds.invalid/schema/'

/** The HSDS 3.1 schemas as published by Open Referral, kept in the repository (tests/fixtures/hsds-3.1/README.md). */
export const schemaDir = resolve(process.env.HSDS_SCHEMA_DIR ?? join(process.cwd(), 'tests', 'fixtures', 'hsds-3.1'))

export type SchemaName =
  | 'compiled/service.json'
  | 'compiled/service_list.json'
  | 'compiled/organization.json'
  | 'compiled/organization_list.json'
  | 'compiled/service_at_location.json'
  | 'compiled/service_at_location_list.json'
  | 'taxonomy.json'
  | 'taxonomy_term.json'

/** The pagination envelope of HSDS's OpenAPI `Page` schema, every field required, `contents` an array. */
function pageSchema(openapi: OpenApi) {
  const page = openapi.components.schemas.Page
  return {
    type: 'object',
    properties: { ...page.properties, contents: { type: 'array' } },
    required: [...Object.keys(page.properties), 'contents'],
  }
}

export type HsdsValidators = {
  validate: (schema: SchemaName, value: unknown) => ErrorObject[]
  validatePage: (value: unknown) => ErrorObject[]
  /** the API root (`GET /`) as the HSDS OpenAPI document describes it, its three fields required */
  validateRoot: (value: unknown) => ErrorObject[]
}

type OpenApi = {
  components: { schemas: { Page: { properties: Record<string, unknown> } } }
  paths: { '/': { get: { responses: { '200': { content: { 'application/json': { schema: Record<string, unknown> } } } } } } }
}

export function createHsdsValidators(names: readonly SchemaName[]): HsdsValidators {
  if (!existsSync(join(schemaDir, 'compiled', 'service.json'))) {
    throw new Error(`The HSDS 3.1 schemas are not in ${schemaDir}: set HSDS_SCHEMA_DIR to the folder with compiled/ and openapi.json`)
  }
  const read = (file: string) => JSON.parse(readFileSync(join(schemaDir, file), 'utf8')) as Record<string, unknown>
  const ajv = new Ajv2020({ allErrors: true, strict: true })
  // ajv-formats is CommonJS: its plugin is the module itself or its `default`, depending on the interop
  const addFormats = (typeof addFormatsModule === 'function' ? addFormatsModule : (addFormatsModule as { default: unknown }).default) as (ajv: Ajv2020) => void
  addFormats(ajv)
  ajv.addVocabulary(hsdsAnnotations)
  // the top-level schemas refer to each other by file name ("taxonomy.json")
  for (const file of ['taxonomy.json', 'taxonomy_term.json', 'metadata.json']) ajv.addSchema({ ...read(file), $id: `${base}${file}` })
  const validators = new Map<SchemaName, ValidateFunction>()
  for (const name of names) {
    validators.set(name, name.startsWith('compiled/') ? ajv.compile({ ...read(name), $id: `${base}${name}` }) : ajv.getSchema(`${base}${name}`)!)
  }
  const openapi = read('openapi.json') as unknown as OpenApi
  const page = ajv.compile(pageSchema(openapi))
  const root = ajv.compile({ ...openapi.paths['/'].get.responses['200'].content['application/json'].schema, required: ['version', 'profile', 'openapi_url'] })
  const run = (validator: ValidateFunction, value: unknown) => (validator(value) ? [] : [...(validator.errors ?? [])])
  return {
    validate: (name, value) => {
      const validator = validators.get(name)
      if (!validator) throw new Error(`${name} was not compiled`)
      return run(validator, value)
    },
    validatePage: (value) => run(page, value),
    validateRoot: (value) => run(root, value),
  }
}
