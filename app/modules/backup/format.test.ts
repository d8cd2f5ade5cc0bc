import { describe, expect, it } from 'vitest'
import { backupFileName, isBackupHeader } from './format'

describe('backup files', () => {
  it('are named by their UTC time, to the second', () => {
    expect(backupFileName(new Date('2026-11-23T19:06:14.987Z'))).toBe('palvelutori-20261123T190614Z.jsonl.gz')
  })

  it('start with a header naming the format and the migrations', () => {
    expect(isBackupHeader({ format: 'palvelutori-backup', version: 1, createdAt: '', server: '', migrations: [{ name: 'a', checksum: 'b' }] })).toBe(true)
    expect(isBackupHeader({ format: 'palvelutori-backup', version: 1, migrations: [{ name: 'a' }] })).toBe(false)
    expect(isBackupHeader({ hello: 'world' })).toBe(false)
    expect(isBackupHeader(null)).toBe(false)
  })
})
