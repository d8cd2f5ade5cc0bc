import type { ActionFunctionArgs, LoaderFunctionArgs } from '@remix-run/node'
import { hsdsAction, hsdsGet } from '~/modules/open-data/endpoint.server'
import { listTaxonomyTerms } from '~/modules/open-data/queries.server'

/** GET /api/hsds/taxonomy_terms — the service categories as taxonomy terms. */
export function loader(args: LoaderFunctionArgs) {
  return hsdsGet(args, 'taxonomy_terms', ({ params, ctx }) => listTaxonomyTerms(params, ctx))
}

export function action(args: ActionFunctionArgs) {
  return hsdsAction(args)
}
