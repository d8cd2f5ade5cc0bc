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
  /** password attempts from one address, and for one account (cleared by a successful login) */
  loginPerIp: { limit: 50, windowSeconds: 15 * 60 },
  loginPerAccount: { limit: 10, windowSeconds: 15 * 60 },
  /** authenticator or recovery codes, per staff user (set-up and login; cleared by a good code) */
  secondFactorPerUser: { limit: 10, windowSeconds: 15 * 60 },
  /** new accounts from one address */
  signupPerIp: { limit: 20, windowSeconds: 60 * 60 },
  /** reset links asked for from one address, and for one email address */
  passwordResetRequestPerIp: { limit: 20, windowSeconds: 60 * 60 },
  passwordResetRequestPerAccount: { limit: 3, windowSeconds: 60 * 60 },
  /** new passwords set with a reset link, per address */
  passwordResetPerIp: { limit: 20, windowSeconds: 60 * 60 },
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
