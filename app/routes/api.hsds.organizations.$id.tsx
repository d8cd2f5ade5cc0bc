import type { ActionFunctionArgs, LoaderFunctionArgs } from '@remix-run/node'
import { hsdsAction, hsdsGet } from '~/modules/open-data/endpoint.server'
import { getOrganization } from '~/modules/open-data/queries.server'

/** GET /api/hsds/organizations/{id} — one provider with its services, locations and identifiers. */
export function loader(args: LoaderFunctionArgs) {
  return hsdsGet(args, 'organization', ({ id, params, ctx }) => getOrganization(id, params, ctx))
}

export function action(args: ActionFunctionArgs) {
  return hsdsAction(args)
}
