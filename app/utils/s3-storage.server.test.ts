import { mkdtempSync, readFileSync, rmSync } from 'node:fs'
import { tmpdir } from 'node:os'
import { join } from 'node:path'
import { afterAll, beforeAll, describe, expect, it } from 'vitest'
import { startS3StandIn } from '../../tests/support/s3-stand-in'
import { parseEnv } from './env.server'
import { s3FileStorage } from './s3-storage.server'
import { newStorageKey, storageFor, UnsafeStorageKeyError, type FileStorage } from './storage.server'

const dir = mkdtempSync(join(tmpdir(), 's3-storage-test-'))

let standIn: Awaited<ReturnType<typeof startS3StandIn>>
let storage: FileStorage

beforeAll(async () => {
  standIn = await startS3StandIn()
  storage = s3FileStorage({
    bucket: 'documents-test',
    region: 'eu-north-1',
    endpoint: standIn.endpoint,
    credentials: { accessKeyId: 'test-key', secretAccessKey: 'test-secret' },
    forcePathStyle: true,
  })
})
afterAll(async () => {
  await standIn.stop()
  rmSync(dir, { recursive: true, force: true })
})

describe('S3-compatible storage', () => {
  it('stores, reads and deletes bytes under the server-generated key, signed', async () => {
    const key = newStorageKey('documents/org-1', 'pdf')
    const bytes = Buffer.from('%PDF-1.7\nbinary \u0000\u00ff bytes\n%%EOF\n', 'latin1')
    await storage.put(key, bytes)
    expect(standIn.objects.get(`documents-test/${key}`)).toEqual(bytes)
    expect(await storage.get(key)).toEqual(bytes)
    expect(standIn.requests.at(-1)?.authorization).toMatch(/^AWS4-HMAC-SHA256 Credential=test-key\/\d{8}\/eu-north-1\/s3\//)
    await storage.delete(key)
    await storage.delete(key)
    expect(standIn.objects.has(`documents-test/${key}`)).toBe(false)
    await expect(storage.get(key)).rejects.toMatchObject({ name: 'NoSuchKey' })
  })

  it('never overwrites an object', async () => {
    const key = newStorageKey('documents/org-2', 'png')
    await storage.put(key, Buffer.from('first'))
    await expect(storage.put(key, Buffer.from('second'))).rejects.toMatchObject({ $metadata: { httpStatusCode: 412 } })
    expect((await storage.get(key)).toString()).toBe('first')
  })

  it('refuses unsafe keys before asking the store', async () => {
    const before = standIn.requests.length
    await expect(storage.put('../escape.pdf', Buffer.from('x'))).rejects.toBeInstanceOf(UnsafeStorageKeyError)
    await expect(storage.get('documents/../../x')).rejects.toBeInstanceOf(UnsafeStorageKeyError)
    await expect(storage.delete('/etc/passwd')).rejects.toBeInstanceOf(UnsafeStorageKeyError)
    expect(standIn.requests.length).toBe(before)
  })
})

describe('storage from the environment', () => {
  it('uses the bucket with STORAGE=s3 and the folder otherwise', async () => {
    const s3 = storageFor(
      parseEnv({
        STORAGE: 's3',
        S3_BUCKET: 'from-env',
        S3_ENDPOINT: standIn.endpoint,
        S3_ACCESS_KEY_ID: 'k',
        S3_SECRET_ACCESS_KEY: 's',
        S3_FORCE_PATH_STYLE: 'on',
      }),
    )
    const key = newStorageKey('documents/org-3', 'jpg')
    await s3.put(key, Buffer.from('jpeg'))
    expect(standIn.objects.get(`from-env/${key}`)?.toString()).toBe('jpeg')
    const local = storageFor(parseEnv({ UPLOAD_DIR: dir }))
    await local.put(key, Buffer.from('local'))
    expect(readFileSync(join(dir, key), 'utf8')).toBe('local')
  })

  it('refuses an incomplete S3 configuration', () => {
    expect(() => parseEnv({ STORAGE: 's3' })).toThrow(/S3_BUCKET/)
    expect(() => parseEnv({ STORAGE: 's3', S3_BUCKET: 'b', S3_ACCESS_KEY_ID: 'k' })).toThrow(/go together/)
    expect(parseEnv({}).STORAGE).toBe('local')
  })
})
