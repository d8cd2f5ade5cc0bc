import { createServer, type Socket } from 'node:net'
import type { AddressInfo } from 'node:net'

/** The EICAR anti-virus test string: harmless, and every scanner reports it (as the fake does). */
export const eicar = 'X5O!P%@AP[4\\PZX54(P^)7CC)7}$EICAR-STANDARD-ANTIVIRUS-TEST-FILE!$H+H*'

/**
 * A tiny stand-in for ClamAV's daemon: answers `zINSTREAM` (length-prefixed chunks ending with a zero length) with
 * `stream: Eicar-Signature FOUND` when the stream holds the EICAR string, else `stream: OK`. Listens on 127.0.0.1
 * (a free port) or on a UNIX socket path. `scanned` counts the streams it read.
 */
export async function startFakeClamd(options: { socketPath?: string } = {}): Promise<{
  address: { host: string; port: number } | { socket: string }
  scanned: Buffer[]
  stop: () => Promise<void>
}> {
  const scanned: Buffer[] = []
  const sockets = new Set<Socket>()
  const server = createServer((socket) => {
    sockets.add(socket)
    socket.on('close', () => sockets.delete(socket))
    let buffer = Buffer.alloc(0)
    let commandRead = false
    const chunks: Buffer[] = []
    socket.on('data', (data: Buffer) => {
      buffer = Buffer.concat([buffer, data])
      if (!commandRead) {
        const end = buffer.indexOf(0)
        if (end < 0) return
        const command = buffer.subarray(0, end).toString()
        buffer = buffer.subarray(end + 1)
        commandRead = true
        if (command !== 'zINSTREAM') {
          socket.end('UNKNOWN COMMAND\0')
          return
        }
      }
      while (buffer.length >= 4) {
        const length = buffer.readUInt32BE(0)
        if (length === 0) {
          const stream = Buffer.concat(chunks)
          scanned.push(stream)
          socket.end(stream.includes(eicar) ? 'stream: Eicar-Signature FOUND\0' : 'stream: OK\0')
          return
        }
        if (buffer.length < 4 + length) return
        chunks.push(buffer.subarray(4, 4 + length))
        buffer = buffer.subarray(4 + length)
      }
    })
  })
  if (options.socketPath) await new Promise<void>((resolve) => server.listen(options.socketPath, resolve))
  else await new Promise<void>((resolve) => server.listen(0, '127.0.0.1', resolve))
  const address = options.socketPath
    ? { socket: options.socketPath }
    : { host: '127.0.0.1', port: (server.address() as AddressInfo).port }
  return {
    address,
    scanned,
    stop: () =>
      new Promise<void>((resolve) => {
        for (const socket of sockets) socket.destroy()
        server.close(() => resolve())
      }),
  }
}
