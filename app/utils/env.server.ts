import { z } from 'zod'

/** Development keys are allowed outside production, and in production only for the local demo (DEMO_MODE=on). */
const developmentKeysAllowed = process.env.NODE_ENV !== 'production' || process.env.DEMO_MODE === 'on'
const devOnlyDefault = (value: string) => (developmentKeysAllowed ? value : undefined)

const envSchema = z
  .object({
    NODE_ENV: z.enum(['development', 'production', 'test']).default('development'),
    DATABASE_URL: z
      .string()
      .regex(/^postgres(ql)?:\/\//, 'DATABASE_URL must be a postgresql:// URL (leave it unset for the embedded database)')
      .optional(),
    PGLITE_DIR: z.string().default('./data/pglite'),
    APP_ORIGIN: z.url().default('http://localhost:3000'),
    DEFAULT_LOCALE: z.enum(['fi', 'sv', 'en']).default('sv'),
    SMTP_URL: z
      .string()
      .regex(/^smtps?:\/\//, 'SMTP_URL must look like smtp://user:pass@host:587')
      .optional(),
    MAIL_FROM: z.string().default('Servicetorget <noreply@palvelutori.example>'),
    MAIL_DIR: z.string().default('./data/mail'),
    UPLOAD_DIR: z.string().default('./data/uploads'),
    IDENTITY_CODE_KEY: z
      .string()
      .regex(/^[0-9a-f]{64}$/, 'IDENTITY_CODE_KEY must be 64 hex characters (32 bytes)')
      .optional()
      .default(devOnlyDefault('0'.repeat(63) + '1') as string),
    IDENTITY_HASH_KEY: z
      .string()
      .min(32, 'IDENTITY_HASH_KEY must be at least 32 characters')
      .optional()
      .default(devOnlyDefault('development-only-identity-hash-key!!') as string),
    STRIPE_SECRET_KEY: z.string().optional(),
    STRIPE_WEBHOOK_SECRET: z.string().optional(),
    /** a local stand-in for Stripe's API (tests, the demo); unset = Stripe's own API */
    STRIPE_API_BASE: z.url({ protocol: /^https?$/ }).optional(),
    WORKERS: z.enum(['on', 'off']).default('on'),
    LOG_LEVEL: z.enum(['debug', 'info', 'warn', 'error']).default('info'),
  })
  .refine((env) => env.NODE_ENV !== 'production' || Boolean(env.IDENTITY_CODE_KEY && env.IDENTITY_HASH_KEY), {
    message: 'IDENTITY_CODE_KEY and IDENTITY_HASH_KEY are required in production',
  })
  .refine((env) => !env.STRIPE_API_BASE || developmentKeysAllowed, {
    message: 'STRIPE_API_BASE (a local Stripe stand-in) is for development and the demo only',
  })

export type Env = z.infer<typeof envSchema>

export function parseEnv(source: Record<string, string | undefined>): Env {
  const result = envSchema.safeParse(source)
  if (!result.success) {
    const lines = result.error.issues.map((issue) => `  ${issue.path.join('.') || 'env'}: ${issue.message}`)
    throw new Error(`Invalid environment configuration (see .env.example):\n${lines.join('\n')}`)
  }
  return result.data
}

let cached: Env | undefined

export function env(): Env {
  cached ??= parseEnv(process.env)
  return cached
}
