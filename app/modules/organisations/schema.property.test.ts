import fc from 'fast-check'
import { describe, expect, it } from 'vitest'
import { checkHostileForms, parseForm } from '../../../tests/support/hostile-input'
import { businessIdCheckDigit } from './business-id'
import { changeRoleSchema, invitationSchema, organisationEditSchema, organisationSchema } from './schema'

const valid = {
  name: 'Närpes hemvård Ab',
  businessId: '0737546-2',
  legalForm: 'COMPANY',
  sector: 'PRIVATE',
  streetAddress: 'Storgatan 1',
  postalCode: '64200',
  postOffice: 'Närpes',
  municipalityCode: '545',
  phone: '+358 6 123 4567',
  email: 'info@example.fi',
  descriptionSv: 'Hemvård på svenska och finska.',
}
const validValues = Object.fromEntries(Object.entries(valid).map(([name, value]) => [name, [value]]))
const fields = [...Object.keys(valid), 'employsStaff', 'website', 'descriptionFi', 'descriptionEn']

/** A business ID as people type it: the right digits, maybe with spaces around and a typographic dash. */
const typedBusinessId = fc
  .stringMatching(/^\d{7}$/)
  .filter((body) => businessIdCheckDigit(body) !== null)
  .chain((body) =>
    fc.record({
      id: fc.constant(`${body}-${businessIdCheckDigit(body)}`),
      typed: fc.tuple(fc.constantFrom('', ' ', '  '), fc.constantFrom('-', '–', '—', '\u2212'), fc.constantFrom('', ' ')).map(
        ([before, dash, after]) => `${before}${body}${dash}${businessIdCheckDigit(body)}${after}`,
      ),
    }),
  )

const localPart = fc.stringMatching(/^[a-z0-9]([a-z0-9._-]{0,20}[a-z0-9])?$/).filter((value) => !value.includes('..'))
const domain = fc.stringMatching(/^[a-z0-9]([a-z0-9-]{0,15}[a-z0-9])?\.(fi|se|com|org)$/)
const emailAddress = fc.tuple(localPart, domain).map(([local, host]) => `${local}@${host}`)

describe('organisation forms against hostile input', { timeout: 30_000 }, () => {
  it('never throws on a hostile organisation form, and names each problem with a translated message', () => {
    checkHostileForms(organisationSchema, { fields, valid: validValues })
  })

  it('never throws on a hostile edit form', () => {
    checkHostileForms(organisationEditSchema, { fields, valid: validValues })
  })

  it('never throws on hostile invitation and role forms', () => {
    checkHostileForms(invitationSchema, { fields: ['email', 'role'], valid: { email: ['nina@example.fi'], role: ['EDITOR'] } })
    checkHostileForms(changeRoleSchema, { fields: ['membershipId', 'role'], valid: { role: ['OWNER'] } })
  })

  it('stores every valid business ID typed with spaces or a typographic dash in its normal form', () => {
    fc.assert(
      fc.property(typedBusinessId, ({ id, typed }) => {
        const submission = parseForm(organisationSchema, { ...valid, businessId: typed })
        expect(submission.status === 'success' && submission.value.businessId).toBe(id)
      }),
    )
  })

  it('takes any five digits as a postal code and nothing else', () => {
    fc.assert(
      fc.property(fc.stringMatching(/^\d{5}$/), (postalCode) => {
        expect(parseForm(organisationSchema, { ...valid, postalCode: ` ${postalCode} ` }).status).toBe('success')
      }),
    )
    fc.assert(
      fc.property(fc.string({ unit: 'binary', maxLength: 12 }), (postalCode) => {
        fc.pre(!/^\s*\d{5}\s*$/.test(postalCode))
        const error = parseForm(organisationSchema, { ...valid, postalCode }).reply().error?.postalCode
        expect(error?.[0]).toBe(postalCode.trim() === '' ? 'organisation:errors.postalCodeRequired' : 'organisation:errors.postalCodeInvalid')
      }),
    )
  })

  it('takes phone numbers of digits, spaces, brackets and dashes with an optional +, and refuses letters', () => {
    const phone = fc
      .tuple(fc.constantFrom('', '+'), fc.stringMatching(/^[\d() -]{5,30}$/))
      .map(([plus, rest]) => `${plus}${rest}`)
      .filter((value) => value.trim().length > 0 && /^\+?[\d\s()-]{5,}$/.test(value.trim()))
    fc.assert(fc.property(phone, (value) => {
      expect(parseForm(organisationSchema, { ...valid, phone: value }).status).toBe('success')
    }))
    fc.assert(
      fc.property(fc.string({ maxLength: 20 }), fc.constantFrom('a', 'x', '#', '*', ';', '\u0000'), (digits, letter) => {
        const error = parseForm(organisationSchema, { ...valid, phone: `040${letter}${digits}1234` }).reply().error?.phone
        expect(error?.[0]).toMatch(/^(organisation:errors\.phoneInvalid|errors\.tooLong)$/)
      }),
    )
  })

  it('stores e-mail addresses in lower case, trimmed, and refuses anything without one @ and a domain', () => {
    fc.assert(
      fc.property(emailAddress, fc.boolean(), (address, upper) => {
        const typed = ` ${upper ? address.toUpperCase() : address} `
        const submission = parseForm(invitationSchema, { email: typed, role: 'EDITOR' })
        expect(submission.status === 'success' && submission.value.email).toBe(address)
      }),
    )
    fc.assert(
      fc.property(fc.string({ maxLength: 30 }).filter((value) => !value.includes('@')), (value) => {
        const error = parseForm(invitationSchema, { email: value, role: 'EDITOR' }).reply().error?.email
        expect(error?.[0]).toBe(value.trim() === '' ? 'organisation:errors.emailRequired' : 'errors.emailInvalid')
      }),
    )
  })
})
