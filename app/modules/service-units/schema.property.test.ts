import fc from 'fast-check'
import { describe, expect, it } from 'vitest'
import { checkHostileForms, parseForm } from '../../../tests/support/hostile-input'
import { finlandBounds, parseCoordinate } from './coordinates'
import { serviceUnitSchema, unitKindSchema } from './schema'

const values = {
  kind: ['LOCATION', 'HOME_VISIT_AREA'],
  name: ['Kontoret'],
  streetAddress: ['Storgatan 1'],
  postalCode: ['65100'],
  municipalityCode: ['905'],
  latitude: ['63,096', ''],
  longitude: ['21.6158', ''],
  stepFreeAccess: ['on'],
  hearingLoop: ['on'],
  parking: ['on'],
  accessibilityFi: ['Ramppi'],
  phone: ['06 123 4567'],
  municipalityCodes: ['905', '545'],
}
const location = { kind: 'LOCATION', name: 'Kontoret', streetAddress: 'Storgatan 1', postalCode: '65100', municipalityCode: '905' }

describe('service-unit forms against hostile input', { timeout: 30_000 }, () => {
  it('never throws on a hostile unit form of either kind, and names each problem with a translated message', () => {
    checkHostileForms(serviceUnitSchema, {
      fields: Object.keys(values),
      valid: values,
    })
    checkHostileForms(unitKindSchema, { fields: ['kind'], valid: { kind: ['LOCATION'] } })
  })

  it('stores coordinates inside Finland typed with a comma or a dot, and refuses the rest with its axis named', () => {
    const inside = (axis: 'latitude' | 'longitude') =>
      fc.integer({ min: finlandBounds[axis].min * 10_000, max: finlandBounds[axis].max * 10_000 }).map((value) => value / 10_000)
    fc.assert(
      fc.property(inside('latitude'), inside('longitude'), fc.constantFrom(',', '.'), (latitude, longitude, separator) => {
        const submission = parseForm(serviceUnitSchema, {
          ...location,
          latitude: String(latitude).replace('.', separator),
          longitude: String(longitude).replace('.', separator),
        })
        expect(submission.status === 'success' && submission.value.kind === 'LOCATION' && [submission.value.latitude, submission.value.longitude]).toEqual([latitude, longitude])
      }),
    )
    for (const [latitude, error] of [
      ['91', 'offers:units.errors.latitudeOutOfRange'],
      ['21,6', 'offers:units.errors.latitudeOutOfRange'],
      ['63,1,2', 'offers:units.errors.latitudeInvalid'],
      ['1e2', 'offers:units.errors.latitudeInvalid'],
      ['NaN', 'offers:units.errors.latitudeInvalid'],
      ['Infinity', 'offers:units.errors.latitudeInvalid'],
    ] as const) {
      expect(parseForm(serviceUnitSchema, { ...location, latitude, longitude: '21,6' }).reply().error?.latitude, latitude).toEqual([error])
    }
  })

  it('never throws on any coordinate text', () => {
    fc.assert(
      fc.property(fc.string({ unit: 'binary', maxLength: 20 }), (text) => {
        const value = parseCoordinate(text)
        expect(value === null || typeof value === 'number').toBe(true)
      }),
    )
  })
})
