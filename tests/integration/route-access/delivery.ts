import { members, type RouteAccess } from '../../support/route-access'

/**
 * Accepting and delivering (issue 6, part 3): a provider's voucher clients, for its members (choice:decide,
 * service-record:create). Every form of the client page is covered in app/modules/delivery/pages.integration.test.ts.
 */
export const routes: Record<string, RouteAccess> = {
  'provider.$orgId.clients._index.tsx': { path: '/provider/:orgId/clients', loader: members, scope: 'organisation' },
  'provider.$orgId.clients.$choiceId.tsx': {
    path: '/provider/:orgId/clients/:choiceId',
    loader: members,
    action: members,
    scope: 'organisation',
    probe: { intent: 'decline', reason: 'Probe of another organisation' },
  },
}
