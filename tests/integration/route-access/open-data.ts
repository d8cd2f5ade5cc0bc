import type { RouteAccess } from '../../support/route-access'

/**
 * The open-data API (issue 7, section 3) and its documentation page: public, no login, no cookies read. The API's
 * actions answer 405 (read-only) to everyone alike, so they are public too. The API's answers (every endpoint,
 * known, unknown and non-public ids, errors, CORS, caching) are covered in app/modules/open-data/api.integration.test.ts.
 */
export const routes: Record<string, RouteAccess> = {
  'open-data.tsx': { path: '/open-data', loader: 'public' },
  'api.hsds._index.tsx': { path: '/api/hsds/', loader: 'public', action: 'public' },
  'api.hsds.$.tsx': { path: '/api/hsds/no-such-endpoint', loader: 'public', action: 'public' },
  'api.hsds.openapi[.]json.tsx': { path: '/api/hsds/openapi.json', loader: 'public', action: 'public' },
  'api.hsds.services._index.tsx': { path: '/api/hsds/services', loader: 'public', action: 'public' },
  'api.hsds.services.$id.tsx': { path: '/api/hsds/services/:offerId', loader: 'public', action: 'public' },
  'api.hsds.organizations._index.tsx': { path: '/api/hsds/organizations', loader: 'public', action: 'public' },
  'api.hsds.organizations.$id.tsx': { path: '/api/hsds/organizations/:orgId', loader: 'public', action: 'public' },
  'api.hsds.service_at_locations._index.tsx': { path: '/api/hsds/service_at_locations', loader: 'public', action: 'public' },
  'api.hsds.service_at_locations.$id.tsx': { path: '/api/hsds/service_at_locations/:unitId', loader: 'public', action: 'public' },
  'api.hsds.taxonomies._index.tsx': { path: '/api/hsds/taxonomies', loader: 'public', action: 'public' },
  'api.hsds.taxonomies.$id.tsx': { path: '/api/hsds/taxonomies/some-taxonomy', loader: 'public', action: 'public' },
  'api.hsds.taxonomy_terms._index.tsx': { path: '/api/hsds/taxonomy_terms', loader: 'public', action: 'public' },
  'api.hsds.taxonomy_terms.$id.tsx': { path: '/api/hsds/taxonomy_terms/:categoryId', loader: 'public', action: 'public' },
}
