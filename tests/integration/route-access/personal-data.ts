import { client, type RouteAccess } from '../../support/route-access'

/**
 * Personal data (issue 8, part 7). The client's own data page ("My data and who has viewed it") opens with a client
 * session only and shows the client behind that session's voucher; everyone else goes to /voucher. What it lists
 * (the stored data masked, every staff view) is covered in app/modules/clients/own-data.integration.test.ts.
 * The privacy notice (/privacy) stays public in the core table.
 */
export const routes: Record<string, RouteAccess> = {
  'my-voucher.data.tsx': { path: '/my-voucher/data', loader: client, scope: 'client' },
}
