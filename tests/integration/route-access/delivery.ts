import type { RouteAccess } from '../../support/route-access'
import { members } from '../../support/route-access'

/**
 * Accepting and delivering (issue 6, part 3): a provider's voucher clients, for its members (choice:decide,
 * service-record:create); other organisations' members and staff get 404, anonymous users the login page.
 */
export const routes: Record<string, RouteAccess> = {
  'provider.$orgId.clients._index.tsx': { path: '/provider/:orgId/clients', loader: members, scope: 'organisation' },
  // every persona on the loader and on every form, and another organisation's choice and record ids (404, also to
  // the owners of both organisations under their own), are covered in app/modules/delivery/pages.integration.test.ts
  // ("the client page")
  'provider.$orgId.clients.$choiceId.tsx': {
    path: '/provider/:orgId/clients/:choiceId',
    loader: members,
    action: members,
    scope: 'organisation',
    custom: true,
  },
}
