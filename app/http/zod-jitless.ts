import { z } from 'zod'

/**
 * The CSP allows no eval. In the browser zod would compile object parsers with `new Function`, and merely probing
 * whether it may is reported as a CSP violation, so it parses without. root.tsx imports this first: route modules
 * build their schemas when they load, after the root module.
 */
if (typeof document !== 'undefined') z.config({ jitless: true })
