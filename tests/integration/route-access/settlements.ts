import { members, staff, type RouteAccess } from '../../support/route-access'

/**
 * Monthly settlements (issue 6, part 4): staff approve and export, providers read their own statements. Malformed
 * months are covered in app/modules/settlements/routes.integration.test.ts.
 */
export const routes: Record<string, RouteAccess> = {
  'staff.settlements._index.tsx': { path: '/staff/settlements?month=:month', loader: staff },
  'staff.settlements.$organisationId.$month.tsx': { path: '/staff/settlements/:orgId/:month', loader: staff, action: staff },
  'staff.settlements.export.tsx': { path: '/staff/settlements/export?month=:month', loader: staff },
  'provider.$orgId.settlements._index.tsx': { path: '/provider/:orgId/settlements', loader: members, scope: 'organisation' },
  // B's month under A's id: A has neither records nor a settlement for it
  'provider.$orgId.settlements.$month.tsx': { path: '/provider/:orgId/settlements/:month', loader: members, scope: 'organisation' },
}
