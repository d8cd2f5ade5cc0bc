import type { Response } from 'express'

declare module '@remix-run/node' {
  interface AppLoadContext {
    /** this response's CSP script nonce; set by the production server (scripts/serve.ts), absent under `npm run dev` */
    cspNonce?: string
  }
}

/** What the production server hands every loader, action and entry.server render. */
export function loadContextFor(res: Response): { cspNonce?: string } {
  const nonce: unknown = res.locals.cspNonce
  return typeof nonce === 'string' ? { cspNonce: nonce } : {}
}
