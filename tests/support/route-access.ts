import type { Persona } from './request'

/**
 * Who asks, in the authorization matrix (tests/integration/route-access.test.ts): the user personas of request.ts
 * and `client`, a client's voucher session (the `__voucher` cookie, opened with a voucher code and date of birth).
 */
export type MatrixPersona = Persona | 'client'
export const matrixPersonas: MatrixPersona[] = ['anonymous', 'client', 'owner', 'editor', 'otherProvider', 'reviewer', 'admin']

/** Who may call a route's loader or action: everyone (`public`), or the personas listed (possibly none). */
export type Access = 'public' | MatrixPersona[]

/** One row of the matrix, keyed by the route's file under app/routes (the root route: `root.tsx`). */
export type RouteAccess = {
  /**
   * The address to request. `:name` placeholders take the ids of the matrix's world (tests/support/access-world.ts):
   * `:orgId`, `:unitId`, `:offerId`, `:documentId`, `:applicationId`, `:choiceId`, `:month`, `:clientId`,
   * `:voucherId`, `:paymentId`, `:categoryId` are the personas' organisation's (A's) records; `:otherOrgId`,
   * `:otherOfferId` and so on are organisation B's. The address must reach the route in Remix's manifest.
   */
  path: string
  /** absent when the module has no loader */
  loader?: Access
  /** absent when the module has no action */
  action?: Access
  /**
   * `organisation`: signed-in non-members get 404 (the organisation's existence is not revealed), and members get
   * 404 for another organisation's ids. `client`: a client's pages; everyone without a client session goes to
   * /voucher, and a client gets 404 for another voucher's ids.
   */
  scope?: 'organisation' | 'client'
  /** a form that gets past validation to the record lookup, posted with another organisation's (voucher's) ids */
  probe?: Record<string, string>
  /** statuses an allowed persona may also get besides 200, 302, 303 and 400 (say, 404 while a feature is off) */
  allowedStatuses?: number[]
  /**
   * The generic loop skips this route: keep it for what the matrix cannot do, with the reason and the test that
   * covers every persona in a comment beside the entry.
   */
  custom?: true
}

export const signedIn: Persona[] = ['owner', 'editor', 'otherProvider', 'reviewer', 'admin']
export const staff: Persona[] = ['reviewer', 'admin']
export const members: Persona[] = ['owner', 'editor']
export const client: MatrixPersona[] = ['client']
