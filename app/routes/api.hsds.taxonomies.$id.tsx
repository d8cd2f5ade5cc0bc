import type { ActionFunctionArgs, LoaderFunctionArgs } from '@remix-run/node'
import { hsdsAction, hsdsGet } from '~/modules/open-data/endpoint.server'
import { getTaxonomy } from '~/modules/open-data/queries.server'

/** GET /api/hsds/taxonomies/{id} — the service-category taxonomy. */
export function loader(args: LoaderFunctionArgs) {
  return hsdsGet(args, 'taxonomy', ({ id, ctx }) => getTaxonomy(id, ctx))
}

export function action(args: ActionFunctionArgs) {
  return hsdsAction(args)
}
