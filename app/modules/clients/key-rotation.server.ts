import { recordAudit } from '~/modules/audit/audit.server'
import { prisma } from '~/utils/db.server'
import { cipherKeyId, decryptIdentityCode, encryptIdentityCode, hashIdentityCode, identityKeys, type IdentityKeys } from './identity-code.server'

/**
 * Brings every client's identity code up to the current keys (`npm run db:rotate-identity-keys`): re-encrypts rows
 * made with an older encryption key and re-hashes rows whose lookup hash was made with an older hash key (which
 * needs the decrypted code, so both happen in one pass). Rows already current are left alone, so a second run
 * changes nothing and an interrupted run can simply be started again. Anonymised clients have no code to rotate.
 *
 * Batches of `batchSize` rows in id order, each batch in one transaction; a row is only written if it still holds
 * the cipher text that was read (a concurrent change wins and the row is counted as skipped). A finished run that
 * changed rows is audited (`client.identity-keys-rotated`, the counts and the key id only).
 */
export type RotationResult = { checked: number; reEncrypted: number; reHashed: number; skipped: number }

export async function rotateIdentityKeys(
  options: { keys?: IdentityKeys; batchSize?: number; onBatch?: (progress: RotationResult) => void } = {},
): Promise<RotationResult> {
  const keys = options.keys ?? identityKeys()
  const batchSize = options.batchSize ?? 500
  const result: RotationResult = { checked: 0, reEncrypted: 0, reHashed: 0, skipped: 0 }
  let after = ''
  for (;;) {
    const rows = await prisma.client.findMany({
      where: { id: { gt: after }, anonymisedAt: null },
      orderBy: { id: 'asc' },
      take: batchSize,
      select: { id: true, identityCodeCipher: true, identityCodeHash: true },
    })
    if (rows.length === 0) {
      if (result.reEncrypted + result.reHashed > 0) {
        await prisma.$transaction((tx) =>
          recordAudit(tx, { actorId: null, action: 'client.identity-keys-rotated', entityType: 'Client', entityId: '*', after: { ...result, keyId: keys.current.id } }),
        )
      }
      return result
    }
    after = rows.at(-1)!.id
    const changes = rows.flatMap((row) => {
      const code = decryptIdentityCode(row.identityCodeCipher, keys)
      const reEncrypt = cipherKeyId(row.identityCodeCipher) !== keys.current.id
      const hash = hashIdentityCode(code, keys)
      const reHash = hash !== row.identityCodeHash
      if (!reEncrypt && !reHash) return []
      return [{ id: row.id, cipher: row.identityCodeCipher, reEncrypt, reHash, data: { identityCodeCipher: reEncrypt ? encryptIdentityCode(code, keys) : row.identityCodeCipher, identityCodeHash: hash } }]
    })
    result.checked += rows.length
    if (changes.length > 0) {
      const counts = await prisma.$transaction(async (tx) => {
        const written = []
        for (const change of changes) {
          const { count } = await tx.client.updateMany({ where: { id: change.id, identityCodeCipher: change.cipher }, data: change.data })
          written.push(count === 1)
        }
        return written
      })
      changes.forEach((change, index) => {
        if (!counts[index]) result.skipped += 1
        else {
          if (change.reEncrypt) result.reEncrypted += 1
          if (change.reHash) result.reHashed += 1
        }
      })
    }
    options.onBatch?.({ ...result })
  }
}
