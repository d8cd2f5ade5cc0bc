import { existsSync, readdirSync, readFileSync, rmSync } from 'node:fs'
import { join, resolve, sep } from 'node:path'
import { afterAll, beforeAll, describe, expect, it, vi } from 'vitest'
// eslint-disable-next-line no-restricted-imports -- this test drives the documents routes end to end
import { action as documentsAction, loader as documentsLoader } from '~/routes/provider.$orgId.documents'
// eslint-disable-next-line no-restricted-imports -- as above
import { loader as downloadLoader } from '~/routes/provider.$orgId.documents.$documentId.download'
import { prisma } from '~/utils/db.server'
import { env } from '~/utils/env.server'
import { localFileStorage, type FileStorage } from '~/utils/storage.server'
import { createWorld, makeRequest, statusOf, type Persona } from '../../../tests/support/request'
import { helsinkiToday, utcDate } from './dates'
import { maxDocumentBytes } from './file-type'
import { documentForDownload, listDocuments, uploadDocument, type UploadDocumentInput } from './service.server'

// env() reads UPLOAD_DIR once per test file: point it at a temporary folder before any app module asks.
const uploadDir = vi.hoisted(() => {
  const dir = `${process.env.TMPDIR ?? '/tmp'}/palvelutori-documents-test-${process.pid}-${Date.now()}`
  process.env.UPLOAD_DIR = dir
  return dir
})

const storage: FileStorage = localFileStorage(uploadDir)
const pdf = (text = 'test') => Buffer.from(`%PDF-1.7\n% ${text}\n1 0 obj <<>> endobj\ntrailer <<>>\n%%EOF\n`)
const png = Buffer.from([0x89, 0x50, 0x4e, 0x47, 0x0d, 0x0a, 0x1a, 0x0a, 0, 0, 0, 13, 0x49, 0x48, 0x44, 0x52])
const today = helsinkiToday()
const daysAgo = (days: number) => new Date(Date.now() - days * 86_400_000).toISOString().slice(0, 10)

let world: Awaited<ReturnType<typeof createWorld>>

beforeAll(async () => {
  const types = [
    { code: 'TRADE_REGISTER_EXTRACT', nameFi: 'Kaupparekisteriote tai yhdistysrekisteriote', nameSv: 'Handelsregisterutdrag eller föreningsregisterutdrag', nameEn: 'Trade register or register of associations extract', maxAgeDays: 90 },
    { code: 'LIABILITY_INSURANCE', nameFi: 'Vastuuvakuutustodistus', nameSv: 'Intyg över ansvarsförsäkring', nameEn: 'Liability insurance certificate', validUntilRequired: true },
    { code: 'SELF_MONITORING_PLAN', nameFi: 'Omavalvontasuunnitelma', nameSv: 'Plan för egenkontroll', nameEn: 'Self-monitoring plan' },
    { code: 'SOTERI_REGISTRATION', nameFi: 'Rekisteröinti (Soteri)', nameSv: 'Registrering (Soteri)', nameEn: 'Registration (Soteri)', hasRegistrationNumber: true },
  ]
  for (const type of types) await prisma.documentType.upsert({ where: { code: type.code }, update: {}, create: type })
  world = await createWorld()
})

afterAll(() => rmSync(uploadDir, { recursive: true, force: true }))

function input(overrides: Partial<UploadDocumentInput> = {}): UploadDocumentInput {
  return {
    actorId: world.users.owner.id,
    organisationId: world.organisation.id,
    typeCode: 'SELF_MONITORING_PLAN',
    issueDate: daysAgo(10),
    validUntil: null,
    registrationNumber: null,
    file: { name: 'Omavalvontasuunnitelma 2026.pdf', bytes: pdf() },
    ...overrides,
  }
}

async function upload(overrides: Partial<UploadDocumentInput> = {}) {
  const result = await uploadDocument(input(overrides), storage)
  if (!result.ok) throw new Error(`upload refused: ${result.error}`)
  return prisma.complianceDocument.findUniqueOrThrow({ where: { id: result.documentId } })
}

function storedFiles(organisationId: string): string[] {
  const dir = join(uploadDir, 'documents', organisationId)
  return existsSync(dir) ? readdirSync(dir) : []
}

/** A browser-like multipart POST to the documents page. */
function uploadRequest(organisationId: string, cookie: string, fields: Record<string, string>, file?: { name: string; bytes: Uint8Array; type?: string }) {
  const form = new FormData()
  for (const [name, value] of Object.entries(fields)) form.append(name, value)
  form.append('file', new File(file ? [new Uint8Array(file.bytes)] : [], file?.name ?? '', { type: file?.type ?? 'application/octet-stream' }))
  return new Request(`http://localhost:3000/provider/${organisationId}/documents`, {
    method: 'POST',
    headers: { Cookie: cookie, 'Accept-Language': 'sv' },
    body: form,
  })
}

type ActionReply = { data: { result: { error?: Record<string, string[] | null> } }; init: { status: number } | null }

async function runUpload(request: Request) {
  const result = (await documentsAction({ request, params: { orgId: world.organisation.id }, context: {} })) as Response | ActionReply
  if (result instanceof Response) {
    return { status: result.status, location: result.headers.get('Location'), errors: {} as Record<string, string[] | null> }
  }
  return { status: result.init?.status ?? 200, location: null, errors: result.data.result.error ?? {} }
}

async function download(persona: Persona, organisationId: string, documentId: string) {
  const request = makeRequest(`/provider/${organisationId}/documents/${documentId}/download`, { cookie: world.cookies[persona] })
  try {
    return (await downloadLoader({ request, params: { orgId: organisationId, documentId }, context: {} })) as Response
  } catch (thrown) {
    if (thrown instanceof Response) return thrown
    throw thrown
  }
}

describe('uploading a document', () => {
  it('uses the temporary upload folder in these tests', () => {
    expect(env().UPLOAD_DIR).toBe(uploadDir)
  })

  it('refuses HTML renamed to .pdf, and stores nothing', async () => {
    const before = await prisma.complianceDocument.count()
    const result = await uploadDocument(
      input({ file: { name: 'intyg.pdf', bytes: Buffer.from('<!doctype html><html><script>alert(1)</script></html>') } }),
      storage,
    )
    expect(result).toEqual({ ok: false, field: 'file', error: 'documents:errors.fileType' })
    expect(await prisma.complianceDocument.count()).toBe(before)
    expect(storedFiles(world.organisation.id)).toEqual([])
  })

  it('refuses 10 MB + 1 byte and accepts exactly 10 MB', async () => {
    const oversize = Buffer.concat([pdf(), Buffer.alloc(maxDocumentBytes + 1 - pdf().length, 0x20)])
    expect(oversize.length).toBe(10 * 1024 * 1024 + 1)
    expect(await uploadDocument(input({ file: { name: 'big.pdf', bytes: oversize } }), storage)).toEqual({
      ok: false,
      field: 'file',
      error: 'documents:errors.fileTooLarge',
    })
    const exact = await upload({ typeCode: 'TRADE_REGISTER_EXTRACT', file: { name: 'exact.pdf', bytes: oversize.subarray(0, maxDocumentBytes) } })
    expect(exact.sizeBytes).toBe(maxDocumentBytes)
  })

  it('keeps a path-traversal name harmless: server-generated key inside the upload folder, a plain display name', async () => {
    const document = await upload({ file: { name: '../../etc/passwd.pdf', bytes: pdf('traversal') } })
    expect(document.storageKey).toMatch(new RegExp(`^documents/${world.organisation.id}/[0-9a-f]{32}\\.pdf$`))
    const path = resolve(uploadDir, document.storageKey)
    expect(path.startsWith(resolve(uploadDir) + sep)).toBe(true)
    expect(readFileSync(path).toString()).toContain('traversal')
    expect(document.originalFilename).toBe('passwd.pdf')
    expect(document.originalFilename).not.toMatch(/[/\\]/)
    expect(document).toMatchObject({ mimeType: 'application/pdf', status: 'PENDING', supersededAt: null })
    expect(document.sha256).toMatch(/^[0-9a-f]{64}$/)
  })

  it('decides the type by content: a PNG named .pdf is stored as a PNG', async () => {
    const document = await upload({ typeCode: 'TRADE_REGISTER_EXTRACT', file: { name: 'scan.pdf', bytes: png } })
    expect(document.mimeType).toBe('image/png')
    expect(document.storageKey.endsWith('.png')).toBe(true)
    expect(document.originalFilename).toBe('scan.png')
  })

  it('replaces the document in use with a new version and keeps the old one in history', async () => {
    const organisation = world.otherOrganisation
    const actorId = world.users.otherProvider.id
    const first = await upload({ organisationId: organisation.id, actorId, typeCode: 'LIABILITY_INSURANCE', validUntil: '2099-12-31', file: { name: 'v1.pdf', bytes: pdf('v1') } })
    const second = await upload({ organisationId: organisation.id, actorId, typeCode: 'LIABILITY_INSURANCE', validUntil: '2099-12-31', file: { name: 'v2.pdf', bytes: pdf('v2') } })
    const overview = await listDocuments(organisation.id, utcDate(today))
    const liability = overview.find((entry) => entry.type.code === 'LIABILITY_INSURANCE')
    expect(liability?.current).toMatchObject({ id: second.id, originalFilename: 'v2.pdf', validity: 'valid' })
    expect(liability?.current?.expiresOn?.toISOString().slice(0, 10)).toBe('2099-12-31')
    expect(liability?.history.map((version) => version.id)).toEqual([first.id])
    expect(liability?.history[0]?.supersededAt).toBeInstanceOf(Date)
    expect(overview.find((entry) => entry.type.code === 'SOTERI_REGISTRATION')).toMatchObject({ current: null, history: [] })
    // the old file stays downloadable
    expect(await documentForDownload(organisation.id, first.id)).not.toBeNull()
    const audits = await prisma.auditEvent.findMany({ where: { action: 'document.upload', entityId: { in: [first.id, second.id] } } })
    expect(audits).toHaveLength(2)
    expect(audits.every((event) => event.actorId === actorId)).toBe(true)
  })

  it('shows an old extract as expired', async () => {
    const organisation = world.otherOrganisation
    await upload({ organisationId: organisation.id, actorId: world.users.otherProvider.id, typeCode: 'TRADE_REGISTER_EXTRACT', issueDate: daysAgo(200) })
    const overview = await listDocuments(organisation.id, utcDate(today))
    expect(overview.find((entry) => entry.type.code === 'TRADE_REGISTER_EXTRACT')?.current?.validity).toBe('expired')
  })

  it('removes the stored file when the database transaction fails', async () => {
    const puts: string[] = []
    const recording: FileStorage = {
      put: async (key, bytes) => {
        puts.push(key)
        await storage.put(key, bytes)
      },
      get: (key) => storage.get(key),
      delete: (key) => storage.delete(key),
    }
    await expect(uploadDocument(input({ actorId: 'no-such-user' }), recording)).rejects.toThrow()
    expect(puts).toHaveLength(1)
    expect(existsSync(join(uploadDir, puts[0] ?? ''))).toBe(false)
  })

  it('enforces the type rules: valid-until, the registration number, dates', async () => {
    expect(await uploadDocument(input({ typeCode: 'LIABILITY_INSURANCE' }), storage)).toMatchObject({ ok: false, field: 'validUntil' })
    expect(await uploadDocument(input({ typeCode: 'SOTERI_REGISTRATION' }), storage)).toMatchObject({ ok: false, field: 'registrationNumber' })
    expect(await uploadDocument(input({ issueDate: '2999-01-01' }), storage)).toMatchObject({ ok: false, error: 'documents:errors.issueDateInFuture' })
    expect(await uploadDocument(input({ validUntil: daysAgo(20) }), storage)).toMatchObject({ ok: false, error: 'documents:errors.validUntilBeforeIssueDate' })
    expect(await uploadDocument(input({ typeCode: 'NO_SUCH_TYPE' }), storage)).toMatchObject({ ok: false, field: 'documentType' })
    const soteri = await upload({ typeCode: 'SOTERI_REGISTRATION', registrationNumber: ' 1.2.246.10.1234567.10.0 ' })
    expect(soteri.registrationNumber).toBe('1.2.246.10.1234567.10.0')
    const plan = await upload({ registrationNumber: 'ignored for this type' })
    expect(plan.registrationNumber).toBeNull()
  })
})

describe('the documents page', () => {
  it('lists every type in the reader language', async () => {
    const request = makeRequest(`/provider/${world.organisation.id}/documents`, { cookie: world.cookies.editor })
    const data = await documentsLoader({ request, params: { orgId: world.organisation.id }, context: {} })
    expect(data.documents.map((entry) => entry.type.name)).toContain('Plan för egenkontroll')
    expect(data.canUpload).toBe(true)
    expect(JSON.stringify(data)).not.toContain('storageKey')
  })

  it('uploads through the form and redirects back with a message', async () => {
    const response = await runUpload(
      uploadRequest(world.organisation.id, world.cookies.editor, { documentType: 'LIABILITY_INSURANCE', issueDate: daysAgo(5), validUntil: '2099-06-30' }, { name: 'Försäkring.pdf', bytes: pdf('form'), type: 'application/pdf' }),
    )
    expect(response).toMatchObject({ status: 302, location: `/provider/${world.organisation.id}/documents` })
    const overview = await listDocuments(world.organisation.id, utcDate(today))
    expect(overview.find((entry) => entry.type.code === 'LIABILITY_INSURANCE')?.current?.originalFilename).toBe('Försäkring.pdf')
  })

  it('answers a file over 10 MB with the field error, not a server error', async () => {
    for (const size of [maxDocumentBytes + 1, maxDocumentBytes + 200_000]) {
      const bytes = Buffer.concat([pdf(), Buffer.alloc(size - pdf().length, 0x20)])
      const response = await runUpload(
        uploadRequest(world.organisation.id, world.cookies.owner, { documentType: 'SELF_MONITORING_PLAN', issueDate: daysAgo(1) }, { name: 'big.pdf', bytes }),
      )
      expect(response.status).toBe(400)
      expect(response.errors.file).toEqual(['documents:errors.fileTooLarge'])
    }
  })

  it('answers HTML renamed to .pdf and missing fields with field errors', async () => {
    const html = await runUpload(
      uploadRequest(world.organisation.id, world.cookies.owner, { documentType: 'SELF_MONITORING_PLAN', issueDate: daysAgo(1) }, { name: 'x.pdf', bytes: Buffer.from('<html></html>'), type: 'application/pdf' }),
    )
    expect(html).toMatchObject({ status: 400, errors: { file: ['documents:errors.fileType'] } })
    const empty = await runUpload(uploadRequest(world.organisation.id, world.cookies.owner, { documentType: 'LIABILITY_INSURANCE' }))
    expect(empty.status).toBe(400)
    expect(empty.errors).toMatchObject({
      issueDate: ['documents:errors.issueDateRequired'],
      validUntil: ['documents:errors.validUntilRequired'],
      file: ['documents:errors.fileRequired'],
    })
  })

  it('refuses uploads from other organisations and anonymous users', async () => {
    const request = uploadRequest(world.organisation.id, world.cookies.otherProvider, { documentType: 'SELF_MONITORING_PLAN', issueDate: daysAgo(1) }, { name: 'a.pdf', bytes: pdf() })
    expect((await statusOf(() => documentsAction({ request, params: { orgId: world.organisation.id }, context: {} }))).status).toBe(404)
    const anonymous = uploadRequest(world.organisation.id, '', { documentType: 'SELF_MONITORING_PLAN', issueDate: daysAgo(1) }, { name: 'a.pdf', bytes: pdf() })
    expect((await statusOf(() => documentsAction({ request: anonymous, params: { orgId: world.organisation.id }, context: {} }))).status).toBe(302)
  })
})

describe('downloading a document', () => {
  let document: Awaited<ReturnType<typeof upload>>
  beforeAll(async () => {
    document = await upload({ typeCode: 'TRADE_REGISTER_EXTRACT', file: { name: 'Handelsregisterutdrag (2026).pdf', bytes: pdf('download') } })
  })

  it('gives members the file as an attachment with safe headers', async () => {
    for (const persona of ['owner', 'editor'] as const) {
      const response = await download(persona, world.organisation.id, document.id)
      expect(response.status).toBe(200)
      expect(Buffer.from(await response.arrayBuffer()).toString()).toContain('download')
      expect(response.headers.get('Content-Type')).toBe('application/pdf')
      expect(response.headers.get('Content-Disposition')).toMatch(/^attachment; /)
      expect(response.headers.get('Content-Disposition')).toContain(`filename*=UTF-8''Handelsregisterutdrag%20%282026%29.pdf`)
      expect(response.headers.get('X-Content-Type-Options')).toBe('nosniff')
      expect(response.headers.get('Cache-Control')).toBe('no-store')
    }
  })

  it("gives 404 for another organisation's document, through either organisation's address", async () => {
    expect((await download('otherProvider', world.otherOrganisation.id, document.id)).status).toBe(404)
    expect((await download('otherProvider', world.organisation.id, document.id)).status).toBe(404)
    expect((await download('owner', world.organisation.id, 'no-such-document')).status).toBe(404)
    const otherDocument = await upload({ organisationId: world.otherOrganisation.id, actorId: world.users.otherProvider.id })
    expect((await download('owner', world.organisation.id, otherDocument.id)).status).toBe(404)
  })

  it('sends anonymous users to the login page', async () => {
    const response = await download('anonymous', world.organisation.id, document.id)
    expect(response.status).toBe(302)
    expect(response.headers.get('Location')).toMatch(/^\/login\?redirectTo=/)
  })

  it('lets staff download and writes a document.view audit event', async () => {
    for (const persona of ['reviewer', 'admin'] as const) {
      const response = await download(persona, world.organisation.id, document.id)
      expect(response.status).toBe(200)
      expect(response.headers.get('Content-Disposition')).toMatch(/^attachment; /)
      const events = await prisma.auditEvent.findMany({
        where: { action: 'document.view', entityId: document.id, actorId: world.users[persona].id },
      })
      expect(events).toHaveLength(1)
      expect(events[0]).toMatchObject({ entityType: 'ComplianceDocument', after: { organisationId: world.organisation.id } })
    }
    // the address must name the document's own organisation
    expect((await download('reviewer', world.otherOrganisation.id, document.id)).status).toBe(404)
  })

  it('gives 404 when the stored file is missing', async () => {
    const lost = await upload({ file: { name: 'lost.pdf', bytes: pdf('lost') } })
    await storage.delete(lost.storageKey)
    const spy = vi.spyOn(process.stderr, 'write').mockImplementation(() => true)
    expect((await download('owner', world.organisation.id, lost.id)).status).toBe(404)
    spy.mockRestore()
  })
})
