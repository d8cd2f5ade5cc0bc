import { mkdtempSync, readdirSync, rmSync } from 'node:fs'
import { tmpdir } from 'node:os'
import { join } from 'node:path'
import { afterAll, describe, expect, it } from 'vitest'
import { isSafeStorageKey, localFileStorage, newStorageKey, UnsafeStorageKeyError } from './storage.server'

const dir = mkdtempSync(join(tmpdir(), 'storage-test-'))
afterAll(() => rmSync(dir, { recursive: true, force: true }))

describe('storage keys', () => {
  it('accepts server-generated keys and the seed layout', () => {
    const key = newStorageKey('documents/clx123abc', 'pdf')
    expect(key).toMatch(/^documents\/clx123abc\/[0-9a-f]{32}\.pdf$/)
    expect(isSafeStorageKey(key)).toBe(true)
    expect(isSafeStorageKey('seed/doc-0001-TRADE_REGISTER_EXTRACT.pdf')).toBe(true)
  })

  it.each([
    '',
    '../etc/passwd',
    'documents/../../etc/passwd',
    'documents/..',
    'documents/a..b.pdf',
    '/etc/passwd',
    '//server/share/file.pdf',
    'C:\\Windows\\win.ini',
    'documents\\org\\file.pdf',
    'documents/./file.pdf',
    'documents//file.pdf',
    'documents/file.pdf/',
    'documents/.hidden',
    'documents/file\0.pdf',
    'documents/fi le.pdf',
    `documents/${'a'.repeat(400)}.pdf`,
  ])('refuses %j', (key) => {
    expect(isSafeStorageKey(key)).toBe(false)
  })

  it('never reads, writes or deletes outside its folder', async () => {
    const storage = localFileStorage(dir)
    await expect(storage.put('../escape.pdf', Buffer.from('x'))).rejects.toBeInstanceOf(UnsafeStorageKeyError)
    await expect(storage.get('/etc/passwd')).rejects.toBeInstanceOf(UnsafeStorageKeyError)
    await expect(storage.delete('documents/../../x')).rejects.toBeInstanceOf(UnsafeStorageKeyError)
  })

  it('stores, reads and deletes bytes, and never overwrites a file', async () => {
    const storage = localFileStorage(dir)
    const key = newStorageKey('documents/org-1', 'png')
    await storage.put(key, Buffer.from('first'))
    await expect(storage.put(key, Buffer.from('second'))).rejects.toThrow()
    expect((await storage.get(key)).toString()).toBe('first')
    await storage.delete(key)
    await storage.delete(key)
    expect(readdirSync(join(dir, 'documents', 'org-1'))).toEqual([])
    await expect(storage.get(key)).rejects.toMatchObject({ code: 'ENOENT' })
  })
})
