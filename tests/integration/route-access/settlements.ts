import { members, staff, type RouteAccess } from '../../support/route-access'

/** Monthly settlements (issue 6, part 4): staff approve and export, providers read their own statements. */
export const routes: Record<string, RouteAccess> = {
  'staff.settlements._index.tsx': { path: '/staff/settlements?month=2026-10', loader: staff },
  // every persona (and an unknown organisation, a malformed month) is covered in
  // app/modules/settlements/routes.integration.test.ts ("the staff statement page")
  'staff.settlements.$organisationId.$month.tsx': { path: '/staff/settlements/:orgId/2026-10', loader: staff, action: staff, custom: true },
  'staff.settlements.export.tsx': { path: '/staff/settlements/export?month=2026-10', loader: staff },
  'provider.$orgId.settlements._index.tsx': { path: '/provider/:orgId/settlements', loader: members, scope: 'organisation' },
  // every persona (and another organisation's month, a malformed month) is covered in
  // app/modules/settlements/routes.integration.test.ts ("the provider's statement page")
  'provider.$orgId.settlements.$month.tsx': { path: '/provider/:orgId/settlements/2026-10', loader: members, scope: 'organisation', custom: true },
}
