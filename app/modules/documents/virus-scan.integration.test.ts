import { existsSync, mkdirSync, readdirSync, rmSync } from 'node:fs'
import { join } from 'node:path'
import { afterAll, beforeAll, describe, expect, it, vi } from 'vitest'
// eslint-disable-next-line no-restricted-imports -- this test drives the upload route with ClamAV configured by env
import { action as documentsAction } from '~/routes/provider.$orgId.documents'
import { prisma } from '~/utils/db.server'
import { localFileStorage } from '~/utils/storage.server'
import { eicar, startFakeClamd } from '../../../tests/support/fake-clamd'
import { createWorld } from '../../../tests/support/request'
import { uploadDocument, type UploadDocumentInput } from './service.server'
import { clamavScanner } from './virus-scan.server'

// env() is read once per test file: a temporary upload folder and a clamd UNIX socket, set before any app module asks
const paths = vi.hoisted(() => {
  const dir = `${process.env.TMPDIR ?? '/tmp'}/palvelutori-virus-scan-test-${process.pid}-${Date.now()}`
  process.env.UPLOAD_DIR = `${dir}/uploads`
  process.env.CLAMAV_SOCKET = `${dir}/clamd.sock`
  return { dir, uploads: `${dir}/uploads`, socket: `${dir}/clamd.sock` }
})

const pdf = (text: string) => Buffer.from(`%PDF-1.7\n% ${text}\n1 0 obj <<>> endobj\ntrailer <<>>\n%%EOF\n`)
const daysAgo = (days: number) => new Date(Date.now() - days * 86_400_000).toISOString().slice(0, 10)

let world: Awaited<ReturnType<typeof createWorld>>
let clamd: Awaited<ReturnType<typeof startFakeClamd>>

beforeAll(async () => {
  mkdirSync(paths.dir, { recursive: true })
  clamd = await startFakeClamd({ socketPath: paths.socket })
  await prisma.documentType.upsert({
    where: { code: 'SELF_MONITORING_PLAN' },
    update: {},
    create: { code: 'SELF_MONITORING_PLAN', nameFi: 'Omavalvontasuunnitelma', nameSv: 'Plan för egenkontroll', nameEn: 'Self-monitoring plan' },
  })
  world = await createWorld()
})

afterAll(async () => {
  await clamd.stop()
  rmSync(paths.dir, { recursive: true, force: true })
})

function storedFiles(): string[] {
  const dir = join(paths.uploads, 'documents', world.organisation.id)
  return existsSync(dir) ? readdirSync(dir) : []
}

function input(bytes: Buffer): UploadDocumentInput {
  return {
    actorId: world.users.owner.id,
    organisationId: world.organisation.id,
    typeCode: 'SELF_MONITORING_PLAN',
    issueDate: daysAgo(3),
    validUntil: null,
    registrationNumber: null,
    file: { name: 'plan.pdf', bytes },
  }
}

describe('virus scanning of uploads', () => {
  it('refuses an infected file through the form with the field error, stores nothing and audits it', async () => {
    const form = new FormData()
    form.append('documentType', 'SELF_MONITORING_PLAN')
    form.append('issueDate', daysAgo(1))
    form.append('file', new File([new Uint8Array(pdf(eicar))], 'plan.pdf', { type: 'application/pdf' }))
    const request = new Request(`http://localhost:3000/provider/${world.organisation.id}/documents`, {
      method: 'POST',
      headers: { Cookie: world.cookies.owner, 'Accept-Language': 'fi' },
      body: form,
    })
    const result = (await documentsAction({ request, params: { orgId: world.organisation.id }, context: {} })) as {
      data: { result: { error?: Record<string, string[] | null> } }
      init: { status: number } | null
    }
    expect(result.init?.status).toBe(400)
    expect(result.data.result.error?.file).toEqual(['documents:errors.fileInfected'])
    expect(clamd.scanned.at(-1)?.toString()).toContain(eicar)
    expect(storedFiles()).toEqual([])
    expect(await prisma.complianceDocument.count({ where: { organisationId: world.organisation.id } })).toBe(0)
    expect(
      await prisma.auditEvent.findFirst({
        where: { action: 'document.upload-refused', entityId: world.organisation.id },
        select: { actorId: true, after: true },
      }),
    ).toMatchObject({ actorId: world.users.owner.id, after: { reason: 'infected', scanner: 'clamav', signature: 'Eicar-Signature' } })
  })

  it('stores a clean file after the scan', async () => {
    const result = await uploadDocument(input(pdf('clean')), localFileStorage(paths.uploads))
    expect(result.ok).toBe(true)
    expect(clamd.scanned.at(-1)?.toString()).toContain('clean')
    expect(storedFiles()).toHaveLength(1)
  })

  it('refuses the upload while the scanner cannot be reached (fail-closed)', async () => {
    const unreachable = clamavScanner({ socket: join(paths.dir, 'no-such.sock') })
    const result = await uploadDocument(input(pdf('later')), localFileStorage(paths.uploads), new Date(), unreachable)
    expect(result).toEqual({ ok: false, field: 'file', error: 'documents:errors.fileScanUnavailable' })
    expect(storedFiles()).toHaveLength(1)
  })
})
