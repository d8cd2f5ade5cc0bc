import type { ActionFunctionArgs, LoaderFunctionArgs } from '@remix-run/node'
import { hsdsAction, hsdsGet } from '~/modules/open-data/endpoint.server'
import { getServiceAtLocation } from '~/modules/open-data/queries.server'

/** GET /api/hsds/service_at_locations/{id} — one public service at one place, fully nested. */
export function loader(args: LoaderFunctionArgs) {
  return hsdsGet(args, 'service_at_location', ({ id, ctx }) => getServiceAtLocation(id, ctx))
}

export function action(args: ActionFunctionArgs) {
  return hsdsAction(args)
}
