import type { ActionFunctionArgs, LoaderFunctionArgs } from '@remix-run/node'
import { hsdsAction, hsdsGet } from '~/modules/open-data/endpoint.server'
import { apiRoot } from '~/modules/open-data/root.server'

/** GET /api/hsds/ — the HSDS version, the profile page and the OpenAPI document of the open-data API. */
export function loader(args: LoaderFunctionArgs) {
  return hsdsGet(args, 'root', ({ ctx }) => ({ body: apiRoot(ctx.origin), lastModified: null }), { languageDependent: false })
}

export function action(args: ActionFunctionArgs) {
  return hsdsAction(args)
}
