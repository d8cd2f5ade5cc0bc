import { signedIn, type RouteAccess } from '../../support/route-access'

/**
 * Accounts hardening (issue 8, part 2): the second step of a staff login and the sign-in security page.
 * The two second-factor pages serve only a staff session that has given its password but not yet its second factor:
 * anyone else is sent on (anonymous visitors to /login, a complete session to /account), so to the matrix they are
 * public; the half-done session, codes, replays, recovery codes and attempts are covered in
 * app/modules/accounts/second-factor.integration.test.ts.
 */
export const routes: Record<string, RouteAccess> = {
  'login_.second-factor.tsx': { path: '/login/second-factor', loader: 'public', action: 'public' },
  'login_.second-factor-setup.tsx': { path: '/login/second-factor-setup', loader: 'public', action: 'public' },
  // another user's session id answers 404: app/modules/accounts/sessions.integration.test.ts
  'account_.security.tsx': { path: '/account/security', loader: signedIn, action: signedIn },
}
