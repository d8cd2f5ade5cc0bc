import { describe, expect, it } from 'vitest'
import { documentExpiresOn, documentValidity } from './validity'

const today = new Date('2026-11-23T12:00:00Z')

describe('document validity', () => {
  it('expires a document older than its type allows', () => {
    const doc = { issueDate: '2026-08-25', validUntil: null, status: 'ACCEPTED' }
    expect(documentExpiresOn(doc, { maxAgeDays: 90 })?.toISOString().slice(0, 10)).toBe('2026-11-23')
    expect(documentValidity(doc, { maxAgeDays: 90 }, today)).toBe('valid')
    expect(documentValidity({ ...doc, issueDate: '2026-08-24' }, { maxAgeDays: 90 }, today)).toBe('expired')
  })

  it('expires a document past its valid-until date, whichever limit comes first', () => {
    const doc = { issueDate: '2026-11-01', validUntil: '2026-11-22', status: 'PENDING' }
    expect(documentValidity(doc, { maxAgeDays: 90 }, today)).toBe('expired')
    expect(documentValidity({ ...doc, validUntil: '2026-11-23' }, { maxAgeDays: null }, today)).toBe('valid')
  })

  it('keeps documents without limits valid and rejected ones invalid', () => {
    expect(documentExpiresOn({ issueDate: '2000-01-01', validUntil: null, status: 'ACCEPTED' }, { maxAgeDays: null })).toBeNull()
    expect(documentValidity({ issueDate: '2026-11-01', validUntil: null, status: 'REJECTED' }, { maxAgeDays: null }, today)).toBe('rejected')
  })

  it('treats a document marked expired as expired whatever its dates', () => {
    expect(documentValidity({ issueDate: '2026-11-01', validUntil: null, status: 'EXPIRED' }, { maxAgeDays: null }, today)).toBe('expired')
  })
})
