import type { ActionFunctionArgs, LoaderFunctionArgs } from '@remix-run/node'
import { hsdsAction, hsdsGet } from '~/modules/open-data/endpoint.server'
import { listServices } from '~/modules/open-data/queries.server'

/** GET /api/hsds/services — public services (published offers of register entries in force), a page at a time. */
export function loader(args: LoaderFunctionArgs) {
  return hsdsGet(args, 'services', ({ params, ctx }) => listServices(params, ctx))
}

export function action(args: ActionFunctionArgs) {
  return hsdsAction(args)
}
