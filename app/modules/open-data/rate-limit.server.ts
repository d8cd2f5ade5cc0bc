import { rateLimits } from '~/utils/rate-limit-policies'
import { clientIp, hitRateLimitPolicy } from '~/utils/rate-limit.server'
import { jsonError } from './http.server'

/** The open-data API's generous per-address limit: null to go on, or its JSON 429 with `Retry-After`. */
export async function openDataRateLimit(request: Request): Promise<Response | null> {
  const { allowed, retryAfterSeconds } = await hitRateLimitPolicy('openDataPerIp', clientIp(request))
  if (allowed) return null
  const { limit, windowSeconds } = rateLimits.openDataPerIp
  const response = jsonError(
    429,
    'too_many_requests',
    `At most ${limit} requests in ${windowSeconds} seconds from one address: try again in ${retryAfterSeconds} seconds`,
  )
  response.headers.set('Retry-After', String(retryAfterSeconds))
  return response
}
