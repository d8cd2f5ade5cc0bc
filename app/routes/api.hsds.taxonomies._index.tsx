import type { ActionFunctionArgs, LoaderFunctionArgs } from '@remix-run/node'
import { hsdsAction, hsdsGet } from '~/modules/open-data/endpoint.server'
import { listTaxonomies } from '~/modules/open-data/queries.server'

/** GET /api/hsds/taxonomies — our one taxonomy: the service categories. */
export function loader(args: LoaderFunctionArgs) {
  return hsdsGet(args, 'taxonomies', ({ params, ctx }) => listTaxonomies(params, ctx))
}

export function action(args: ActionFunctionArgs) {
  return hsdsAction(args)
}
