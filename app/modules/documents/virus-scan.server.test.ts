import { mkdtempSync, rmSync } from 'node:fs'
import { tmpdir } from 'node:os'
import { join } from 'node:path'
import { afterAll, describe, expect, it } from 'vitest'
import { eicar, startFakeClamd } from '../../../tests/support/fake-clamd'
import { clamavScanner, noVirusScanner, parseClamdReply } from './virus-scan.server'

const socketDir = mkdtempSync(join(tmpdir(), 'clamd-'))
afterAll(() => rmSync(socketDir, { recursive: true, force: true }))

describe('virus scanning', () => {
  it('reads clamd replies', () => {
    expect(parseClamdReply('stream: OK')).toEqual({ verdict: 'clean' })
    expect(parseClamdReply('stream: Eicar-Signature FOUND')).toEqual({ verdict: 'infected', signature: 'Eicar-Signature' })
    expect(parseClamdReply('INSTREAM size limit exceeded. ERROR')).toMatchObject({ verdict: 'unavailable' })
  })

  it('passes everything without a scanner', async () => {
    expect(await noVirusScanner.scan(Buffer.from(eicar))).toEqual({ verdict: 'clean' })
  })

  it('streams the file to clamd over TCP and reports what it found', async () => {
    const clamd = await startFakeClamd()
    try {
      const scanner = clamavScanner(clamd.address)
      const big = Buffer.alloc(200_000, 7)
      expect(await scanner.scan(big)).toEqual({ verdict: 'clean' })
      expect(clamd.scanned[0]).toEqual(big)
      expect(await scanner.scan(Buffer.from(`%PDF-1.7\n${eicar}\n`))).toEqual({ verdict: 'infected', signature: 'Eicar-Signature' })
    } finally {
      await clamd.stop()
    }
  })

  it('works over a UNIX socket', async () => {
    const clamd = await startFakeClamd({ socketPath: join(socketDir, 'clamd.sock') })
    try {
      expect(await clamavScanner(clamd.address).scan(Buffer.from(eicar))).toMatchObject({ verdict: 'infected' })
    } finally {
      await clamd.stop()
    }
  })

  it('reports an unreachable or silent clamd as unavailable', async () => {
    const clamd = await startFakeClamd()
    const { address } = clamd
    await clamd.stop()
    expect(await clamavScanner(address).scan(Buffer.from('x'))).toMatchObject({ verdict: 'unavailable' })
  })
})
