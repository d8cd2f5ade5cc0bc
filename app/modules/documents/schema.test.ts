import { parseWithZod } from '@conform-to/zod/v4'
import { describe, expect, it } from 'vitest'
import { maxDocumentBytes } from './file-type'
import { documentUploadSchema } from './schema'

const types = [
  { code: 'TRADE_REGISTER_EXTRACT', validUntilRequired: false, hasRegistrationNumber: false },
  { code: 'LIABILITY_INSURANCE', validUntilRequired: true, hasRegistrationNumber: false },
  { code: 'SOTERI_REGISTRATION', validUntilRequired: false, hasRegistrationNumber: true },
]
const schema = documentUploadSchema({ types, today: '2026-11-23' })
const pdf = new File(['%PDF-1.7'], 'a.pdf', { type: 'application/pdf' })

function formOf(fields: Record<string, string>) {
  const form = new FormData()
  for (const [name, value] of Object.entries(fields)) form.append(name, value)
  form.append('file', pdf)
  return form
}

function parse(fields: Record<string, string>, file: File | null = pdf) {
  const form = new FormData()
  for (const [name, value] of Object.entries(fields)) form.append(name, value)
  form.append('file', file ?? new File([], ''))
  const submission = parseWithZod(form, { schema })
  return { ...submission, error: submission.status === 'success' ? undefined : submission.error }
}

describe('documentUploadSchema', () => {
  it('accepts a complete upload; optional fields become null and a registration number only for its type', () => {
    const submission = parseWithZod(formOf({ documentType: 'TRADE_REGISTER_EXTRACT', issueDate: '2026-11-23', registrationNumber: 'x' }), { schema })
    expect(submission.status).toBe('success')
    if (submission.status !== 'success') return
    expect(submission.value).toMatchObject({ documentType: 'TRADE_REGISTER_EXTRACT', issueDate: '2026-11-23', validUntil: null, registrationNumber: null })
    expect(submission.value.file.name).toBe('a.pdf')
  })

  it('reports every missing field at once', () => {
    const submission = parse({}, null)
    expect(submission.status).toBe('error')
    expect(submission.error).toMatchObject({
      documentType: ['documents:errors.typeRequired'],
      issueDate: ['documents:errors.issueDateRequired'],
      file: ['documents:errors.fileRequired'],
    })
  })

  it('applies the chosen type rules', () => {
    expect(parse({ documentType: 'LIABILITY_INSURANCE', issueDate: '2026-11-01' }).error).toEqual({
      validUntil: ['documents:errors.validUntilRequired'],
    })
    expect(parse({ documentType: 'SOTERI_REGISTRATION', issueDate: '2026-11-01' }).error).toEqual({
      registrationNumber: ['documents:errors.registrationNumberRequired'],
    })
  })

  it('checks the dates', () => {
    expect(parse({ documentType: 'TRADE_REGISTER_EXTRACT', issueDate: '2026-11-24' }).error).toEqual({
      issueDate: ['documents:errors.issueDateInFuture'],
    })
    expect(parse({ documentType: 'TRADE_REGISTER_EXTRACT', issueDate: '2026-02-30' }).error).toEqual({
      issueDate: ['documents:errors.dateInvalid'],
    })
    expect(parse({ documentType: 'LIABILITY_INSURANCE', issueDate: '2026-11-01', validUntil: '2026-11-01' }).error).toEqual({
      validUntil: ['documents:errors.validUntilBeforeIssueDate'],
    })
  })

  it('refuses an empty file and one over 10 MB', () => {
    const fields = { documentType: 'TRADE_REGISTER_EXTRACT', issueDate: '2026-11-01' }
    expect(parse(fields, new File([], 'empty.pdf')).error).toEqual({ file: ['documents:errors.fileEmpty'] })
    expect(parse(fields, new File([new Uint8Array(maxDocumentBytes + 1)], 'big.pdf')).error).toEqual({
      file: ['documents:errors.fileTooLarge'],
    })
  })
})
