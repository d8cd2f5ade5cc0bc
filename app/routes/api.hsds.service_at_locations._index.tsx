import type { ActionFunctionArgs, LoaderFunctionArgs } from '@remix-run/node'
import { hsdsAction, hsdsGet } from '~/modules/open-data/endpoint.server'
import { listServiceAtLocations } from '~/modules/open-data/queries.server'

/** GET /api/hsds/service_at_locations — public services at their places, a page at a time. */
export function loader(args: LoaderFunctionArgs) {
  return hsdsGet(args, 'service_at_locations', ({ params, ctx }) => listServiceAtLocations(params, ctx))
}

export function action(args: ActionFunctionArgs) {
  return hsdsAction(args)
}
