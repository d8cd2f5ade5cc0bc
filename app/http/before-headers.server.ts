import type { ServerResponse } from 'node:http'

/**
 * Runs `listener` once, just before the status line and headers go out, however the response is sent (express
 * static, Remix, an error handler): Node always passes through `writeHead`, explicitly or from the first write.
 */
export function beforeHeaders(res: ServerResponse, listener: () => void): void {
  const writeHead = res.writeHead
  let called = false
  res.writeHead = function (this: ServerResponse, ...args: unknown[]) {
    if (!called) {
      called = true
      listener()
    }
    return (writeHead as (...parameters: unknown[]) => ServerResponse).apply(this, args)
  } as ServerResponse['writeHead']
}
