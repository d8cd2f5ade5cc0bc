import { createContext, useContext } from 'react'

/**
 * The script nonce of the response being rendered (entry.server.tsx provides it from the load context). Undefined in
 * the browser, which hides nonces from scripts anyway, and under the Vite dev server, which sends no CSP.
 */
export const NonceContext = createContext<string | undefined>(undefined)

export function useNonce(): string | undefined {
  return useContext(NonceContext)
}
