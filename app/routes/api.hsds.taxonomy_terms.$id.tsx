import type { ActionFunctionArgs, LoaderFunctionArgs } from '@remix-run/node'
import { hsdsAction, hsdsGet } from '~/modules/open-data/endpoint.server'
import { getTaxonomyTerm } from '~/modules/open-data/queries.server'

/** GET /api/hsds/taxonomy_terms/{id} — one service category as a taxonomy term. */
export function loader(args: LoaderFunctionArgs) {
  return hsdsGet(args, 'taxonomy_term', ({ id, ctx }) => getTaxonomyTerm(id, ctx))
}

export function action(args: ActionFunctionArgs) {
  return hsdsAction(args)
}
