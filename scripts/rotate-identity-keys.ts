// npm run db:rotate-identity-keys: re-encrypts every client's identity code with the current key of
// IDENTITY_CODE_KEYS and re-hashes it with IDENTITY_HASH_KEY, in batches; rows already current are left alone, so it
// is safe to run twice or to start again after an interruption. Key rotation step by step: docs/personal-data.md.
// With the embedded database, stop the app first: the database belongs to one process.
import { identityKeys } from '../app/modules/clients/identity-code.server'
import { rotateIdentityKeys } from '../app/modules/clients/key-rotation.server'
import { database } from '../app/utils/db.server'

async function main() {
  const db = database()
  try {
    const keys = identityKeys()
    console.log(`Rotating identity codes to encryption key "${keys.current.id}" and the current hash key…`)
    const result = await rotateIdentityKeys({
      keys,
      onBatch: (progress) => console.log(`  checked ${progress.checked}, re-encrypted ${progress.reEncrypted}, re-hashed ${progress.reHashed}`),
    })
    console.log(
      [
        'Identity key rotation done.',
        `  clients checked: ${result.checked}`,
        `  re-encrypted with key "${keys.current.id}": ${result.reEncrypted}`,
        `  re-hashed with the current hash key: ${result.reHashed}`,
        `  changed by someone else meanwhile (run again): ${result.skipped}`,
        'Older keys can be removed from IDENTITY_CODE_KEYS (and IDENTITY_HASH_KEY_PREVIOUS unset) once every instance runs with this configuration.',
      ].join('\n'),
    )
    if (result.skipped > 0) process.exitCode = 2
  } finally {
    await db.close()
  }
}

main().catch((error: unknown) => {
  console.error(error instanceof Error ? error.message : error)
  process.exit(1)
})
