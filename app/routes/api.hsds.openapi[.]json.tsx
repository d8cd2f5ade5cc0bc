import type { ActionFunctionArgs, LoaderFunctionArgs } from '@remix-run/node'
import { hsdsAction, hsdsGet } from '~/modules/open-data/endpoint.server'
import { openApiDocument } from '~/modules/open-data/openapi'

/** GET /api/hsds/openapi.json — the OpenAPI 3.1 document of the open-data API, with this server's address. */
export function loader(args: LoaderFunctionArgs) {
  return hsdsGet(args, 'openapi', ({ ctx }) => ({ body: openApiDocument(ctx.origin), lastModified: null }), { languageDependent: false })
}

export function action(args: ActionFunctionArgs) {
  return hsdsAction(args)
}
