import { parseWithZod } from '@conform-to/zod/v4'
import { describe, expect, it } from 'vitest'
import { descriptionOneRequired, invitationSchema, organisationEditSchema, organisationSchema } from './schema'

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
  email: 'Info@Example.fi',
  descriptionSv: 'Hemvård på svenska och finska.',
}

function formData(values: Record<string, string>) {
  const data = new FormData()
  for (const [key, value] of Object.entries(values)) data.set(key, value)
  return data
}

function errorsOf(values: Record<string, string>) {
  const submission = parseWithZod(formData(values), { schema: organisationSchema })
  return submission.status === 'success' ? {} : (submission.reply().error ?? {})
}

describe('organisation schema', () => {
  it('accepts a complete form and normalises it', () => {
    const submission = parseWithZod(formData({ ...valid, businessId: ' 0737546–2 ', website: 'www.example.fi', employsStaff: 'on' }), {
      schema: organisationSchema,
    })
    expect(submission.status).toBe('success')
    if (submission.status !== 'success') return
    expect(submission.value.descriptionFi).toBeUndefined()
    expect(submission.value).toMatchObject({
      businessId: '0737546-2',
      email: 'info@example.fi',
      website: 'https://www.example.fi',
      employsStaff: true,
    })
  })

  it('reads an unticked "employs staff" box as no', () => {
    const submission = parseWithZod(formData(valid), { schema: organisationSchema })
    expect(submission.status === 'success' && submission.value.employsStaff).toBe(false)
  })

  it('requires a description in at least one language, as a form-level error', () => {
    const { descriptionSv: _sv, ...withoutDescription } = valid
    expect(errorsOf(withoutDescription)).toEqual({ '': [descriptionOneRequired] })
    expect(errorsOf({ ...withoutDescription, descriptionFi: '   ' })).toEqual({ '': [descriptionOneRequired] })
    expect(errorsOf({ ...withoutDescription, descriptionEn: 'Home care in English.' })).toEqual({})
    expect(descriptionOneRequired).toBe('organisation:errors.descriptionOneRequired')
  })

  it('reports the missing description together with the other errors', () => {
    const errors = errorsOf({ name: 'x', businessId: '0737546-3' })
    expect(errors['']).toEqual([descriptionOneRequired])
    expect(errors.businessId).toEqual(['organisation:errors.businessIdInvalid'])
  })

  it('refuses a wrong check digit and malformed business IDs with the business ID key', () => {
    for (const businessId of ['0737546-3', '737546-2', '07375462', 'FI07375462']) {
      expect(errorsOf({ ...valid, businessId }).businessId, businessId).toEqual(['organisation:errors.businessIdInvalid'])
    }
    expect(errorsOf({ ...valid, businessId: '' }).businessId).toEqual(['organisation:errors.businessIdRequired'])
  })

  it('names the missing field in each required-field message', () => {
    const errors = errorsOf({})
    expect(errors.name).toEqual(['organisation:errors.nameRequired'])
    expect(errors.streetAddress).toEqual(['organisation:errors.streetAddressRequired'])
    expect(errors.postalCode).toEqual(['organisation:errors.postalCodeRequired'])
    expect(errors.postOffice).toEqual(['organisation:errors.postOfficeRequired'])
    expect(errors.phone).toEqual(['organisation:errors.phoneRequired'])
    expect(errors.email).toEqual(['organisation:errors.emailRequired'])
  })

  it('checks postal code, phone, email, website, legal form and sector', () => {
    expect(errorsOf({ ...valid, postalCode: '6420' }).postalCode).toEqual(['organisation:errors.postalCodeInvalid'])
    expect(errorsOf({ ...valid, phone: 'call me' }).phone).toEqual(['organisation:errors.phoneInvalid'])
    expect(errorsOf({ ...valid, email: 'not-an-address' }).email).toEqual(['errors.emailInvalid'])
    expect(errorsOf({ ...valid, website: 'javascript:alert(1)' }).website).toEqual(['organisation:errors.websiteInvalid'])
    expect(errorsOf({ ...valid, website: 'ftp://example.fi' }).website).toEqual(['organisation:errors.websiteInvalid'])
    expect(errorsOf({ ...valid, legalForm: 'PARTNERSHIP' }).legalForm).toEqual(['organisation:errors.chooseLegalForm'])
    expect(errorsOf({ ...valid, sector: '' }).sector).toEqual(['organisation:errors.chooseSector'])
    expect(errorsOf({ ...valid, municipalityCode: '' }).municipalityCode).toEqual(['organisation:errors.chooseMunicipality'])
  })

  it('has no business ID when editing', () => {
    const { businessId: _id, ...rest } = valid
    const submission = parseWithZod(formData({ ...rest, businessId: 'ignored' }), { schema: organisationEditSchema })
    expect(submission.status).toBe('success')
    expect(submission.status === 'success' && 'businessId' in submission.value).toBe(false)
  })
})

describe('invitation schema', () => {
  it('takes an email address and a role', () => {
    const submission = parseWithZod(formData({ email: ' Nina@Example.FI ', role: 'EDITOR' }), { schema: invitationSchema })
    expect(submission.status === 'success' && submission.value).toEqual({ email: 'nina@example.fi', role: 'EDITOR' })
    const refused = parseWithZod(formData({ email: 'nina', role: 'ADMIN' }), { schema: invitationSchema })
    expect(refused.reply().error).toEqual({ email: ['errors.emailInvalid'], role: ['organisation:errors.chooseRole'] })
  })
})
