import { describe, expect, it } from 'vitest'
import { checklist, documentProblems, requiredDocuments, type RequirementDocumentType } from './required-documents'

/** The document types of the service catalogue, in its order. */
const types: RequirementDocumentType[] = [
  { code: 'TRADE_REGISTER_EXTRACT', maxAgeDays: 90, employersOnly: false, hasRegistrationNumber: false },
  { code: 'TAX_DEBT_CERTIFICATE', maxAgeDays: 90, employersOnly: false, hasRegistrationNumber: false },
  { code: 'LIABILITY_INSURANCE', maxAgeDays: null, employersOnly: false, hasRegistrationNumber: false },
  { code: 'OCCUPATIONAL_HEALTHCARE', maxAgeDays: null, employersOnly: true, hasRegistrationNumber: false },
  { code: 'COLLECTIVE_AGREEMENT', maxAgeDays: null, employersOnly: true, hasRegistrationNumber: false },
  { code: 'SELF_MONITORING_PLAN', maxAgeDays: null, employersOnly: false, hasRegistrationNumber: false },
  { code: 'SOTERI_REGISTRATION', maxAgeDays: null, employersOnly: false, hasRegistrationNumber: true },
]
const general = ['TRADE_REGISTER_EXTRACT', 'TAX_DEBT_CERTIFICATE', 'LIABILITY_INSURANCE', 'OCCUPATIONAL_HEALTHCARE', 'COLLECTIVE_AGREEMENT', 'SELF_MONITORING_PLAN']

/** As the seed links them: Soteri only for categories that require it. */
const homeCare = { id: 'home-care', requiresSoteri: true, documentTypeCodes: [...general, 'SOTERI_REGISTRATION'] }
const supportServices = { id: 'support-services', requiresSoteri: false, documentTypeCodes: general }

const today = new Date('2026-11-23T10:00:00Z')
const codes = (list: { code: string }[]) => list.map((item) => item.code)

describe('required documents', () => {
  it('an employer needs the employer-only documents', () => {
    const result = requiredDocuments({ categories: [supportServices], documentTypes: types, employsStaff: true })
    expect(codes(result.types)).toEqual(general)
    expect(result.byCategory).toEqual({ 'support-services': general })
  })

  it('an organisation without staff does not', () => {
    const result = requiredDocuments({ categories: [supportServices], documentTypes: types, employsStaff: false })
    expect(codes(result.types)).toEqual(['TRADE_REGISTER_EXTRACT', 'TAX_DEBT_CERTIFICATE', 'LIABILITY_INSURANCE', 'SELF_MONITORING_PLAN'])
  })

  it('asks for the Soteri registration only when a chosen category requires it', () => {
    expect(codes(requiredDocuments({ categories: [supportServices], documentTypes: types, employsStaff: false }).types)).not.toContain(
      'SOTERI_REGISTRATION',
    )
    const both = requiredDocuments({ categories: [supportServices, homeCare], documentTypes: types, employsStaff: false })
    expect(codes(both.types)).toContain('SOTERI_REGISTRATION')
    expect(both.byCategory['home-care']).toContain('SOTERI_REGISTRATION')
    expect(both.byCategory['support-services']).not.toContain('SOTERI_REGISTRATION')
    // each type once, in catalogue order
    expect(codes(both.types)).toEqual(['TRADE_REGISTER_EXTRACT', 'TAX_DEBT_CERTIFICATE', 'LIABILITY_INSURANCE', 'SELF_MONITORING_PLAN', 'SOTERI_REGISTRATION'])
  })

  it('a category that requires Soteri needs it even when the link is missing', () => {
    const unlinked = { id: 'psychotherapy', requiresSoteri: true, documentTypeCodes: ['SELF_MONITORING_PLAN'] }
    expect(requiredDocuments({ categories: [unlinked], documentTypes: types, employsStaff: true }).byCategory).toEqual({
      psychotherapy: ['SELF_MONITORING_PLAN', 'SOTERI_REGISTRATION'],
    })
  })

  it('needs nothing without categories', () => {
    expect(requiredDocuments({ categories: [], documentTypes: types, employsStaff: true })).toEqual({ types: [], byCategory: {} })
  })
})

describe('document checklist', () => {
  const required = types.filter((type) => ['TAX_DEBT_CERTIFICATE', 'LIABILITY_INSURANCE', 'SELF_MONITORING_PLAN', 'SOTERI_REGISTRATION'].includes(type.code))

  it('reports present, valid, expired, rejected and missing documents with their expiry', () => {
    const items = checklist(
      required,
      [
        // issued 2026-08-24: 90 days ran out on 2026-11-22
        { id: 'd1', documentTypeCode: 'TAX_DEBT_CERTIFICATE', issueDate: '2026-08-24', validUntil: null, status: 'ACCEPTED' },
        { id: 'd2', documentTypeCode: 'LIABILITY_INSURANCE', issueDate: '2026-01-01', validUntil: '2026-12-31', status: 'PENDING' },
        { id: 'd3', documentTypeCode: 'SELF_MONITORING_PLAN', issueDate: '2026-01-01', validUntil: null, status: 'REJECTED' },
      ],
      today,
    )
    expect(items).toEqual([
      { code: 'TAX_DEBT_CERTIFICATE', present: true, validity: 'expired', expiresOn: new Date('2026-11-22T00:00:00Z'), documentId: 'd1' },
      { code: 'LIABILITY_INSURANCE', present: true, validity: 'valid', expiresOn: new Date('2026-12-31T00:00:00Z'), documentId: 'd2' },
      { code: 'SELF_MONITORING_PLAN', present: true, validity: 'rejected', expiresOn: null, documentId: 'd3' },
      { code: 'SOTERI_REGISTRATION', present: false, validity: 'missing', expiresOn: null, documentId: null },
    ])
    expect(codes(documentProblems(items))).toEqual(['TAX_DEBT_CERTIFICATE', 'SELF_MONITORING_PLAN', 'SOTERI_REGISTRATION'])
  })

  it('is valid on the last day and expired the day after', () => {
    const doc = { id: 'd', documentTypeCode: 'TAX_DEBT_CERTIFICATE', issueDate: '2026-08-25', validUntil: null, status: 'ACCEPTED' }
    expect(checklist(required, [doc], today)[0]?.validity).toBe('valid')
    expect(checklist(required, [doc], new Date('2026-11-24T08:00:00Z'))[0]?.validity).toBe('expired')
  })

  it('treats a document marked expired by the document watch as expired', () => {
    const doc = { id: 'd', documentTypeCode: 'SELF_MONITORING_PLAN', issueDate: '2026-01-01', validUntil: null, status: 'EXPIRED' }
    expect(checklist(required, [doc], today).find((item) => item.code === 'SELF_MONITORING_PLAN')?.validity).toBe('expired')
  })

  it('uses the newest version in use and ignores superseded ones', () => {
    const items = checklist(
      required,
      [
        { id: 'old', documentTypeCode: 'TAX_DEBT_CERTIFICATE', issueDate: '2026-01-02', validUntil: null, status: 'ACCEPTED', supersededAt: null },
        { id: 'new', documentTypeCode: 'TAX_DEBT_CERTIFICATE', issueDate: '2026-11-01', validUntil: null, status: 'PENDING', supersededAt: null },
        { id: 'gone', documentTypeCode: 'SOTERI_REGISTRATION', issueDate: '2026-11-01', validUntil: null, status: 'ACCEPTED', supersededAt: '2026-11-10' },
      ],
      today,
    )
    expect(items[0]).toMatchObject({ documentId: 'new', validity: 'valid' })
    expect(items[3]).toMatchObject({ code: 'SOTERI_REGISTRATION', validity: 'missing' })
  })
})
