import { DeleteObjectCommand, GetObjectCommand, PutObjectCommand, S3Client, type S3ClientConfig } from '@aws-sdk/client-s3'
import { assertSafeStorageKey, type FileStorage } from './storage.server'

export type S3StorageConfig = {
  bucket: string
  region: string
  /** another S3-compatible service (MinIO, Ceph, a cloud's object storage); unset = AWS */
  endpoint?: string
  /** unset = the SDK's default credential chain (instance role, AWS_* variables, …) */
  credentials?: { accessKeyId: string; secretAccessKey: string }
  /** `https://endpoint/bucket/key` instead of `https://bucket.endpoint/key` (most self-hosted services need it) */
  forcePathStyle?: boolean
}

/**
 * Files in an S3-compatible bucket, under the same server-generated keys as the local folder. The bucket stays
 * private: downloads go through the app (access check, audit, attachment headers), never to a public object URL.
 */
export function s3FileStorage(config: S3StorageConfig): FileStorage {
  const clientConfig: S3ClientConfig = {
    region: config.region,
    endpoint: config.endpoint,
    credentials: config.credentials,
    forcePathStyle: config.forcePathStyle ?? false,
    // checksums only where the API requires them: S3-compatible services differ in which newer ones they accept
    requestChecksumCalculation: 'WHEN_REQUIRED',
    responseChecksumValidation: 'WHEN_REQUIRED',
  }
  const client = new S3Client(clientConfig)
  const Bucket = config.bucket
  return {
    async put(key, bytes) {
      assertSafeStorageKey(key)
      // If-None-Match: * makes the store refuse to overwrite an existing object, like the local folder's `wx`
      await client.send(new PutObjectCommand({ Bucket, Key: key, Body: bytes, IfNoneMatch: '*', ContentLength: bytes.byteLength }))
    },
    async get(key) {
      assertSafeStorageKey(key)
      const object = await client.send(new GetObjectCommand({ Bucket, Key: key }))
      if (!object.Body) throw new Error('S3 object without a body')
      return Buffer.from(await object.Body.transformToByteArray())
    },
    async delete(key) {
      assertSafeStorageKey(key)
      // deleting a missing object succeeds in S3
      await client.send(new DeleteObjectCommand({ Bucket, Key: key }))
    },
  }
}
