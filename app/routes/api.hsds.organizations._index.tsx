import type { ActionFunctionArgs, LoaderFunctionArgs } from '@remix-run/node'
import { hsdsAction, hsdsGet } from '~/modules/open-data/endpoint.server'
import { listOrganizations } from '~/modules/open-data/queries.server'

/** GET /api/hsds/organizations — providers with a register entry in force, a page at a time. */
export function loader(args: LoaderFunctionArgs) {
  return hsdsGet(args, 'organizations', ({ params, ctx }) => listOrganizations(params, ctx))
}

export function action(args: ActionFunctionArgs) {
  return hsdsAction(args)
}
