import { connect, type Socket } from 'node:net'
import { env } from '~/utils/env.server'

/** What a scanner said about a file. `unavailable`: it could not be asked (the upload is then refused, fail-closed). */
export type ScanResult = { verdict: 'clean' } | { verdict: 'infected'; signature: string } | { verdict: 'unavailable'; reason: string }

export type VirusScanner = {
  /** for logs: which scanner answered */
  name: string
  scan(bytes: Uint8Array): Promise<ScanResult>
}

/** The default when no scanner is configured: every file passes (content sniffing still limits uploads to PDF/PNG/JPEG). */
export const noVirusScanner: VirusScanner = {
  name: 'none',
  scan: () => Promise.resolve({ verdict: 'clean' }),
}

export type ClamdAddress = { host: string; port: number } | { socket: string }

const chunkBytes = 64 * 1024
const maxReplyBytes = 4 * 1024

/** One `zINSTREAM` exchange with clamd: the bytes in length-prefixed chunks, then a zero-length chunk; one reply. */
function instream(address: ClamdAddress, bytes: Uint8Array, timeoutMs: number): Promise<string> {
  return new Promise((resolve, reject) => {
    const socket: Socket = 'socket' in address ? connect(address.socket) : connect(address.port, address.host)
    const replies: Buffer[] = []
    let replyLength = 0
    socket.setTimeout(timeoutMs, () => socket.destroy(new Error(`clamd did not answer within ${timeoutMs} ms`)))
    socket.on('error', reject)
    socket.on('data', (chunk: Buffer) => {
      replies.push(chunk)
      replyLength += chunk.length
      if (replyLength > maxReplyBytes) socket.destroy(new Error('clamd reply too long'))
    })
    socket.on('close', () => {
      const reply = Buffer.concat(replies).toString('utf8').replace(/\0+$/, '').trim()
      if (reply) resolve(reply)
      else reject(new Error('clamd closed the connection without an answer'))
    })
    socket.on('connect', () => {
      socket.write('zINSTREAM\0')
      for (let offset = 0; offset < bytes.byteLength; offset += chunkBytes) {
        const chunk = bytes.subarray(offset, offset + chunkBytes)
        const length = Buffer.alloc(4)
        length.writeUInt32BE(chunk.byteLength)
        socket.write(length)
        socket.write(chunk)
      }
      socket.write(Buffer.alloc(4))
    })
  })
}

/** Reads clamd's answer to INSTREAM: `stream: OK`, `stream: <signature> FOUND` or `… ERROR`. */
export function parseClamdReply(reply: string): ScanResult {
  const found = /^stream: (.+) FOUND$/.exec(reply)
  if (found?.[1]) return { verdict: 'infected', signature: found[1] }
  if (reply === 'stream: OK') return { verdict: 'clean' }
  return { verdict: 'unavailable', reason: reply.slice(0, 200) }
}

/**
 * ClamAV's daemon over TCP or a UNIX socket (docs/storage.md). clamd's StreamMaxLength must be at least the upload
 * limit (10 MB), or it answers with an error and the upload is refused.
 */
export function clamavScanner(address: ClamdAddress, options: { timeoutMs?: number } = {}): VirusScanner {
  const timeoutMs = options.timeoutMs ?? 30_000
  return {
    name: 'clamav',
    async scan(bytes) {
      try {
        return parseClamdReply(await instream(address, bytes, timeoutMs))
      } catch (error) {
        return { verdict: 'unavailable', reason: error instanceof Error ? error.message : String(error) }
      }
    },
  }
}

/** ClamAV when CLAMAV_SOCKET or CLAMAV_HOST (with CLAMAV_PORT, default 3310) is set; otherwise no scanning. */
export function configuredVirusScanner(): VirusScanner {
  const { CLAMAV_SOCKET, CLAMAV_HOST, CLAMAV_PORT } = env()
  if (CLAMAV_SOCKET) return clamavScanner({ socket: CLAMAV_SOCKET })
  if (CLAMAV_HOST) return clamavScanner({ host: CLAMAV_HOST, port: CLAMAV_PORT })
  return noVirusScanner
}
