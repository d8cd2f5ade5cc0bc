import { z } from 'zod'
import { parseKeyList } from '~/modules/clients/identity-keys'

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
    /** where uploaded files live: the local folder UPLOAD_DIR, or an S3-compatible bucket (docs/storage.md) */
    STORAGE: z.enum(['local', 's3']).default('local'),
    S3_BUCKET: z.string().min(1).optional(),
    S3_REGION: z.string().min(1).default('us-east-1'),
    /** unset = AWS; e.g. https://s3.example.net for another S3-compatible service */
    S3_ENDPOINT: z.url({ protocol: /^https?$/ }).optional(),
    /** unset = the AWS SDK's default credential chain (instance role, AWS_* variables …) */
    S3_ACCESS_KEY_ID: z.string().min(1).optional(),
    S3_SECRET_ACCESS_KEY: z.string().min(1).optional(),
    S3_FORCE_PATH_STYLE: z.enum(['on', 'off', 'true', 'false']).default('off').transform((value) => value === 'on' || value === 'true'),
    /** a ClamAV daemon to scan uploads with: TCP host (and port) or a UNIX socket; unset = no scanning */
    CLAMAV_HOST: z.string().min(1).optional(),
    CLAMAV_PORT: z.coerce.number().int().min(1).max(65535).default(3310),
    CLAMAV_SOCKET: z.string().min(1).optional(),
    IDENTITY_CODE_KEY: z
      .string()
      .regex(/^[0-9a-f]{64}$/, 'IDENTITY_CODE_KEY must be 64 hex characters (32 bytes)')
      .optional()
      .default(devOnlyDefault('0'.repeat(63) + '1') as string),
    /**
     * Encryption keys with ids, the first current: `k2:<base64>,k1:<base64>` (see docs/personal-data.md). Without it,
     * IDENTITY_CODE_KEY is the only key (id k0); with it, IDENTITY_CODE_KEY still reads k0 cipher texts if k0 is not listed.
     */
    IDENTITY_CODE_KEYS: z
      .string()
      .trim()
      .superRefine((value, context) => {
        const parsed = parseKeyList(value)
        if (!parsed.ok) context.addIssue({ code: 'custom', message: `IDENTITY_CODE_KEYS: ${parsed.message}` })
      })
      .optional(),
    IDENTITY_HASH_KEY: z
      .string()
      .min(32, 'IDENTITY_HASH_KEY must be at least 32 characters')
      .optional()
      .default(devOnlyDefault('development-only-identity-hash-key!!') as string),
    /** the lookup hash key before the last rotation, still looked up until `npm run db:rotate-identity-keys` has run */
    IDENTITY_HASH_KEY_PREVIOUS: z.string().min(32, 'IDENTITY_HASH_KEY_PREVIOUS must be at least 32 characters').optional(),
    /** years after a client's last voucher ended before the retention job anonymises them (docs/personal-data.md) */
    RETENTION_YEARS: z.coerce.number().int('RETENTION_YEARS must be a whole number of years').min(1).max(100).default(6),
    STRIPE_SECRET_KEY: z.string().optional(),
    STRIPE_WEBHOOK_SECRET: z.string().optional(),
    /** a local stand-in for Stripe's API (tests, the demo); unset = Stripe's own API */
    STRIPE_API_BASE: z.url({ protocol: /^https?$/ }).optional(),
    WORKERS: z.enum(['on', 'off']).default('on'),
    /** seconds an anonymous reader's copy of a public catalogue page is served by `npm start` (0 = off; ADR 0015) */
    PUBLIC_PAGE_CACHE_SECONDS: z.coerce.number().int('PUBLIC_PAGE_CACHE_SECONDS must be whole seconds').min(0).max(300).default(10),
    LOG_LEVEL: z.enum(['debug', 'info', 'warn', 'error']).default('info'),
  })
  .refine((env) => env.NODE_ENV !== 'production' || Boolean((env.IDENTITY_CODE_KEY || env.IDENTITY_CODE_KEYS) && env.IDENTITY_HASH_KEY), {
    message: 'IDENTITY_CODE_KEY (or IDENTITY_CODE_KEYS) and IDENTITY_HASH_KEY are required in production',
  })
  .refine((env) => env.STORAGE !== 's3' || Boolean(env.S3_BUCKET), { message: 'STORAGE=s3 needs S3_BUCKET' })
  .refine((env) => !env.S3_ACCESS_KEY_ID === !env.S3_SECRET_ACCESS_KEY, {
    message: 'S3_ACCESS_KEY_ID and S3_SECRET_ACCESS_KEY go together',
  })
  .refine((env) => !env.STRIPE_API_BASE || developmentKeysAllowed, {
    message: 'STRIPE_API_BASE (a local Stripe stand-in) is for development and the demo only',
  })

export type Env = z.infer<typeof envSchema>

export function parseEnv(source: Record<string, string | undefined>): Env {
  // zod's own English messages for the operator, not the forms' translated "not valid" (app/utils/zod-messages.ts)
  const result = envSchema.safeParse(source, { error: z.locales.en().localeError })
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
