/**
 * The authenticator secret (base32) of the demo staff accounts, admin@ and reviewer@. Demo data only: it is
 * published here so `npm run demo` users and the end-to-end tests can compute the six-digit codes (add it to any
 * authenticator app, or run `npx tsx -e "…totpCode…"`); a real account sets up its own secret.
 */
export const DEMO_TOTP_SECRET = 'DEMOSTAFFTOTPSECRETPALVELUTORI23'
