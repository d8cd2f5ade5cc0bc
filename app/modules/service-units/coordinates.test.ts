import { parseWithZod } from '@conform-to/zod/v4'
import { describe, expect, it } from 'vitest'
import { coordinatesOrDefault, formatCoordinate, inFinland, isMunicipalityCentre, parseCoordinate } from './coordinates'
import { areaUnitSchema, locationUnitSchema, serviceUnitSchema } from './schema'

const narpes = { latitude: 62.474, longitude: 21.336 }

describe('coordinates', () => {
  it('default to the municipality centre when left empty', () => {
    expect(coordinatesOrDefault({}, narpes)).toEqual({ ...narpes, defaulted: true })
    expect(coordinatesOrDefault({ latitude: null, longitude: null }, narpes)).toEqual({ ...narpes, defaulted: true })
  })

  it('keep the given point when both are given', () => {
    expect(coordinatesOrDefault({ latitude: 62.4801, longitude: 21.3402 }, narpes)).toEqual({
      latitude: 62.4801,
      longitude: 21.3402,
      defaulted: false,
    })
  })

  it('take a comma or a dot, and refuse anything else', () => {
    expect(parseCoordinate('63,0960')).toBe(63.096)
    expect(parseCoordinate(' 21.6158 ')).toBe(21.6158)
    expect(parseCoordinate('')).toBeNull()
    expect(parseCoordinate(undefined)).toBeNull()
    expect(parseCoordinate('63°N')).toBeNaN()
    expect(parseCoordinate('63,1,2')).toBeNaN()
  })

  it('must lie in Finland: latitude 59–71, longitude 19–32', () => {
    expect(inFinland('latitude', 59)).toBe(true)
    expect(inFinland('latitude', 71)).toBe(true)
    expect(inFinland('latitude', 58.99)).toBe(false)
    expect(inFinland('latitude', 21.6)).toBe(false)
    expect(inFinland('longitude', 19)).toBe(true)
    expect(inFinland('longitude', 32.01)).toBe(false)
    expect(inFinland('longitude', Number.NaN)).toBe(false)
  })

  it('recognise the municipality centre and format for the form', () => {
    expect(isMunicipalityCentre(narpes, narpes)).toBe(true)
    expect(isMunicipalityCentre({ latitude: 62.48, longitude: 21.336 }, narpes)).toBe(false)
    expect(formatCoordinate(62.4740000001)).toBe('62.474')
    expect(formatCoordinate(null)).toBe('')
  })
})

function form(entries: Record<string, string | string[]>): FormData {
  const data = new FormData()
  for (const [name, value] of Object.entries(entries)) for (const item of [value].flat()) data.append(name, item)
  return data
}

const place = {
  kind: 'LOCATION',
  name: 'Mottagningen i Närpes',
  streetAddress: 'Köpmansgatan 5',
  postalCode: '64200',
  municipalityCode: '545',
}

describe('the unit forms', () => {
  it('read a place with empty coordinates as "use the centre"', () => {
    const submission = parseWithZod(form({ ...place, stepFreeAccess: 'on', accessibilitySv: 'Ramp vid ingången.' }), { schema: serviceUnitSchema })
    expect(submission.status).toBe('success')
    expect(submission.status === 'success' && submission.value).toMatchObject({
      kind: 'LOCATION',
      latitude: null,
      longitude: null,
      stepFreeAccess: true,
      hearingLoop: false,
      accessibilitySv: 'Ramp vid ingången.',
    })
  })

  it('refuse coordinates outside Finland, malformed ones, and one without the other', () => {
    const errors = (entries: Record<string, string>) =>
      parseWithZod(form({ ...place, ...entries }), { schema: locationUnitSchema }).reply().error
    expect(errors({ latitude: '21,3', longitude: '62,4' })).toEqual({
      latitude: ['offers:units.errors.latitudeOutOfRange'],
      longitude: ['offers:units.errors.longitudeOutOfRange'],
    })
    expect(errors({ latitude: 'north', longitude: '21' })).toEqual({ latitude: ['offers:units.errors.latitudeInvalid'] })
    expect(errors({ latitude: '62,47' })).toEqual({ longitude: ['offers:units.errors.coordinatesBoth'] })
    expect(errors({ latitude: '62,47', longitude: '21,33' })).toBeUndefined()
  })

  it('need a five-digit postal code, an address, a municipality and a name', () => {
    const submission = parseWithZod(form({ kind: 'LOCATION', postalCode: '642' }), { schema: serviceUnitSchema })
    expect(submission.reply().error).toEqual({
      name: ['offers:units.errors.nameRequired'],
      streetAddress: ['offers:units.errors.streetAddressRequired'],
      postalCode: ['offers:units.errors.postalCodeInvalid'],
      municipalityCode: ['offers:units.errors.chooseMunicipality'],
    })
  })

  it('read a home-visit area with its municipalities (at least one)', () => {
    const area = parseWithZod(form({ kind: 'HOME_VISIT_AREA', name: 'Sydösterbotten', municipalityCodes: ['545', '287'] }), {
      schema: serviceUnitSchema,
    })
    expect(area.status === 'success' && area.value).toEqual({ kind: 'HOME_VISIT_AREA', name: 'Sydösterbotten', municipalityCodes: ['545', '287'] })
    expect(parseWithZod(form({ kind: 'HOME_VISIT_AREA', name: 'X' }), { schema: areaUnitSchema }).reply().error).toEqual({
      municipalityCodes: ['offers:units.errors.chooseMunicipalities'],
    })
  })
})
