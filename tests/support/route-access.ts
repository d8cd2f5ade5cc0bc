import type { Persona } from './request'

/** Who may call a route's loader and action (see tests/integration/route-access.test.ts). */
export type Access = 'public' | Persona[]
export type RouteAccess = {
  path: string
  loader: Access
  action?: Access
  /** organisation-scoped routes answer 404 to signed-in non-members */
  scope?: 'organisation'
  /**
   * The generic loop skips this route: its loader needs a record that the world does not have (a document id,
   * say), or a client's voucher session, so a test of its own covers every persona (named in a comment beside the entry).
   */
  custom?: true
}

export const signedIn: Persona[] = ['owner', 'editor', 'otherProvider', 'reviewer', 'admin']
export const staff: Persona[] = ['reviewer', 'admin']
export const members: Persona[] = ['owner', 'editor']
