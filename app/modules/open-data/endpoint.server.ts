import type { LoaderFunctionArgs } from '@remix-run/node'
import type { AppLocale } from '~/i18n'
import { translator } from '~/i18n.server'
import { env } from '~/utils/env.server'
import { log } from '~/utils/logger.server'
import { jsonError, jsonResponse, methodNotAllowed, preflight } from './http.server'
import { negotiateLocale, otherLocales } from './language'
import type { MapContext } from './map.server'
import { parseParams, type Endpoint, type Params } from './params'
import { openDataRateLimit } from './rate-limit.server'
import type { Found } from './queries.server'

/**
 * The open-data routes' one way through: method → rate limit → parameters → language → query → JSON with validators. Route
 * modules stay thin: `loader = (args) => hsdsGet(args, 'services', ({ params, ctx }) => listServices(params, ctx))`.
 */
export type HsdsRequest = { params: Params; ctx: MapContext; id: string }
export type HsdsHandler = (request: HsdsRequest) => Promise<Found> | Found

const notFoundNames: Partial<Record<Endpoint, string>> = {
  service: 'service',
  organization: 'organization',
  service_at_location: 'service_at_location',
  taxonomy: 'taxonomy',
  taxonomy_term: 'taxonomy_term',
}

async function mapContext(locale: AppLocale, now: Date): Promise<MapContext> {
  const [t, organisation] = await Promise.all([translator(locale, 'opendata'), translator(locale, 'organisation')])
  return {
    locale,
    origin: env().APP_ORIGIN.replace(/\/+$/, ''),
    now,
    t: (key, options) => t(key, options),
    legalForm: (form) => organisation(`legalForms.${form}`),
    sector: (sector) => organisation(`sectors.${sector}`),
  }
}

/** The same address in another language (absolute, on the configured origin). */
function alternateHref(url: URL, origin: string, locale: AppLocale): string {
  const query = new URLSearchParams(url.searchParams)
  query.set('lang', locale)
  return `${origin}${url.pathname}?${query}`
}

export async function hsdsGet(
  { request, params: routeParams }: Pick<LoaderFunctionArgs, 'request' | 'params'>,
  endpoint: Endpoint,
  handler: HsdsHandler,
  options: { languageDependent?: boolean } = {},
): Promise<Response> {
  if (request.method === 'OPTIONS') return preflight()
  if (request.method !== 'GET' && request.method !== 'HEAD') return methodNotAllowed(request.method)
  const limited = await openDataRateLimit(request)
  if (limited) return limited
  const url = new URL(request.url)
  const parsed = parseParams(endpoint, url.searchParams)
  if (!parsed.ok) return jsonError(400, 'invalid_parameter', parsed.detail, { parameter: parsed.parameter })
  const locale = parsed.params.lang ?? negotiateLocale(request.headers.get('Accept-Language'), env().DEFAULT_LOCALE)
  try {
    const ctx = await mapContext(locale, new Date())
    const id = routeParams.id ?? ''
    const found = await handler({ params: parsed.params, ctx, id })
    if (!found) {
      const what = notFoundNames[endpoint] ?? 'record'
      return jsonError(404, 'not_found', `No public ${what} has the id ${JSON.stringify(id.slice(0, 64))} (ids are UUIDs from this API's lists)`)
    }
    const languageDependent = options.languageDependent ?? true
    return jsonResponse(request, found.body, {
      lastModified: found.lastModified,
      ...(languageDependent
        ? { locale, alternates: otherLocales(locale).map((other) => ({ locale: other, href: alternateHref(url, ctx.origin, other) })) }
        : {}),
    })
  } catch (error) {
    log.error('open data request failed', { error, url: url.pathname })
    return jsonError(500, 'internal_error', 'The request could not be answered; please try again later')
  }
}

/** Every method that reaches an action (POST, PUT, PATCH, DELETE): the API is read-only. */
export function hsdsAction({ request }: Pick<LoaderFunctionArgs, 'request'>): Response {
  return methodNotAllowed(request.method)
}
