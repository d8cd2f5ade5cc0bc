/**
 * Every rate limit of the app in one place: at most `limit` requests per key in `windowSeconds`, counted in the
 * database (app/utils/rate-limit.server.ts) so that they hold across app instances; each policy counts under
 * `<name>:<subject>` (an address, a user id).
 *
 * The generous limits on public pages and the open-data API can be raised for a load test or a large office behind
 * one address: RATE_LIMIT_PUBLIC_PER_MINUTE and RATE_LIMIT_OPEN_DATA_PER_MINUTE.
 */
export type RateLimitPolicy = { limit: number; windowSeconds: number }

function perMinute(variable: string, fallback: number): RateLimitPolicy {
  const configured = Number(process.env[variable])
  return { limit: Number.isInteger(configured) && configured > 0 ? configured : fallback, windowSeconds: 60 }
}

export const rateLimits = {
  /** opening a voucher with its code (beside the per-code lock of client-login.server.ts) */
  voucherLookupPerIp: { limit: 20, windowSeconds: 15 * 60 },
  /** document uploads, per signed-in user */
  documentUploadPerUser: { limit: 30, windowSeconds: 60 * 60 },
  /** the public catalogue, producer profiles and the register, per address */
  get publicPagesPerIp(): RateLimitPolicy {
    return perMinute('RATE_LIMIT_PUBLIC_PER_MINUTE', 300)
  },
  /** the open-data API (/api/hsds/*), per address */
  get openDataPerIp(): RateLimitPolicy {
    return perMinute('RATE_LIMIT_OPEN_DATA_PER_MINUTE', 300)
  },
} satisfies Record<string, RateLimitPolicy>

export type RateLimitName = keyof typeof rateLimits
