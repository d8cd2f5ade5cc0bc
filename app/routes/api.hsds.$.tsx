import type { ActionFunctionArgs, LoaderFunctionArgs } from '@remix-run/node'
import { hsdsAction } from '~/modules/open-data/endpoint.server'
import { jsonError, preflight } from '~/modules/open-data/http.server'
import { openDataRateLimit } from '~/modules/open-data/rate-limit.server'

/** Any other address under /api/hsds/: a JSON 404 naming the endpoints, not the site's HTML error page. */
export async function loader({ request }: LoaderFunctionArgs) {
  if (request.method === 'OPTIONS') return preflight()
  const limited = await openDataRateLimit(request)
  if (limited) return limited
  return jsonError(
    404,
    'not_found',
    'No such endpoint: see /api/hsds/openapi.json (/, /services, /organizations, /service_at_locations, /taxonomies, /taxonomy_terms)',
  )
}

export function action(args: ActionFunctionArgs) {
  return hsdsAction(args)
}
