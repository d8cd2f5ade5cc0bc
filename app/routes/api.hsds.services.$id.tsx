import type { ActionFunctionArgs, LoaderFunctionArgs } from '@remix-run/node'
import { hsdsAction, hsdsGet } from '~/modules/open-data/endpoint.server'
import { getService } from '~/modules/open-data/queries.server'

/** GET /api/hsds/services/{id} — one public service, fully nested; 404 for an unknown or non-public id. */
export function loader(args: LoaderFunctionArgs) {
  return hsdsGet(args, 'service', ({ id, ctx }) => getService(id, ctx))
}

export function action(args: ActionFunctionArgs) {
  return hsdsAction(args)
}
