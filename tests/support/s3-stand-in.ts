import { createHash } from 'node:crypto'
import { createServer, type IncomingMessage, type ServerResponse } from 'node:http'
import type { AddressInfo } from 'node:net'

/**
 * A local stand-in for the part of S3 the app uses, path-style on 127.0.0.1: PUT, GET, HEAD and DELETE of
 * `/<bucket>/<key>`. Signatures are not checked. `If-None-Match: *` on PUT refuses to overwrite (412), as in S3.
 * Objects live in memory (`objects`, keyed `<bucket>/<key>`); `requests` records what was asked.
 */
export async function startS3StandIn(): Promise<{
  endpoint: string
  objects: Map<string, Buffer>
  requests: { method: string; path: string; authorization: string | null }[]
  stop: () => Promise<void>
}> {
  const objects = new Map<string, Buffer>()
  const requests: { method: string; path: string; authorization: string | null }[] = []

  const error = (response: ServerResponse, status: number, code: string) => {
    const body = `<?xml version="1.0" encoding="UTF-8"?>\n<Error><Code>${code}</Code><Message>${code}</Message></Error>`
    response.writeHead(status, { 'Content-Type': 'application/xml', 'Content-Length': Buffer.byteLength(body) })
    response.end(body)
  }

  const readBody = async (request: IncomingMessage): Promise<Buffer> => {
    const chunks: Buffer[] = []
    for await (const chunk of request) chunks.push(chunk as Buffer)
    return Buffer.concat(chunks)
  }

  const server = createServer((request, response) => {
    const url = new URL(request.url ?? '/', 'http://127.0.0.1')
    const path = decodeURIComponent(url.pathname)
    requests.push({ method: request.method ?? '', path, authorization: request.headers.authorization ?? null })
    const [, bucket, ...rest] = path.split('/')
    const key = rest.join('/')
    if (!bucket || !key) return error(response, 400, 'InvalidRequest')
    const id = `${bucket}/${key}`
    void (async () => {
      switch (request.method) {
        case 'PUT': {
          const body = await readBody(request)
          if (request.headers['if-none-match'] === '*' && objects.has(id)) return error(response, 412, 'PreconditionFailed')
          objects.set(id, body)
          response.writeHead(200, { ETag: `"${createHash('md5').update(body).digest('hex')}"`, 'Content-Length': 0 })
          return response.end()
        }
        case 'GET':
        case 'HEAD': {
          const object = objects.get(id)
          if (!object) return error(response, 404, 'NoSuchKey')
          response.writeHead(200, { 'Content-Type': 'application/octet-stream', 'Content-Length': object.byteLength })
          return response.end(request.method === 'GET' ? object : undefined)
        }
        case 'DELETE':
          objects.delete(id)
          response.writeHead(204)
          return response.end()
        default:
          return error(response, 405, 'MethodNotAllowed')
      }
    })().catch(() => error(response, 500, 'InternalError'))
  })
  await new Promise<void>((resolve) => server.listen(0, '127.0.0.1', resolve))
  const { port } = server.address() as AddressInfo
  return {
    endpoint: `http://127.0.0.1:${port}`,
    objects,
    requests,
    stop: () => new Promise<void>((resolve) => server.close(() => resolve())),
  }
}
