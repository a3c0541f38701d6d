/**
 * Media in S3-compatible object storage (AWS S3, R2, MinIO, …) when `S3_BUCKET` is set; local disk otherwise.
 * Chosen once from the environment in the config assembly; collections and hooks never know which one runs.
 */
import fs from 'node:fs/promises'
import path from 'node:path'

import { HeadBucketCommand, S3Client, type S3ClientConfig } from '@aws-sdk/client-s3'
import { s3Storage } from '@payloadcms/storage-s3'
import { NodeHttpHandler } from '@smithy/node-http-handler'
import type { Config, Plugin, UploadConfig } from 'payload'

import { SettingError } from './database'

type FileHandler = NonNullable<UploadConfig['handlers']>[number]

/** Collections whose files go to object storage. */
export const STORED_COLLECTIONS = ['media'] as const

/**
 * Served media never changes under its name (a new file gets a new name: Payload refuses to reuse a filename), so
 * browsers and CDNs may keep it for a year without asking again.
 */
export const MEDIA_CACHE_CONTROL = 'public, max-age=31536000, immutable'

export interface ObjectStorageSettings {
  bucket: string
  /** `S3_ENDPOINT`: unset → AWS S3 of the region. */
  endpoint?: string
  region: string
  accessKeyId?: string
  secretAccessKey?: string
  /** `S3_FORCE_PATH_STYLE`: bucket in the path (MinIO, s3rver, most S3-compatible servers) instead of the host name. */
  forcePathStyle: boolean
  /** `MEDIA_PUBLIC_URL`: a CDN (or the bucket's public address) that serves the files; unset → served through /api/media/file. */
  publicUrl?: string
}

const parseBoolean = (name: string, value: string | undefined, fallback: boolean): boolean => {
  const text = value?.trim().toLowerCase()
  if (!text) return fallback
  if (['true', '1', 'yes'].includes(text)) return true
  if (['false', '0', 'no'].includes(text)) return false
  throw new SettingError(`${name} must be true or false, not "${value}"`)
}

const parseUrl = (name: string, value: string): string => {
  try {
    const url = new URL(value)
    if (url.protocol !== 'http:' && url.protocol !== 'https:') throw new Error('not http')
    return value.replace(/\/+$/, '')
  } catch {
    throw new SettingError(`${name} must be an http:// or https:// address, not "${value}"`)
  }
}

/** Reads `S3_*` and `MEDIA_PUBLIC_URL`: undefined (local disk) unless `S3_BUCKET` is set. Throws {@link SettingError}. */
export const parseObjectStorage = (env: Record<string, string | undefined> = process.env): ObjectStorageSettings | undefined => {
  const bucket = env.S3_BUCKET?.trim()
  if (!bucket) {
    const stray = ['S3_ENDPOINT', 'S3_ACCESS_KEY_ID', 'MEDIA_PUBLIC_URL'].filter((name) => env[name]?.trim())
    if (stray.length) throw new SettingError(`${stray.join(', ')} set but S3_BUCKET is not: set S3_BUCKET to keep media in object storage, or unset them`)
    return undefined
  }
  const endpoint = env.S3_ENDPOINT?.trim() ? parseUrl('S3_ENDPOINT', env.S3_ENDPOINT.trim()) : undefined
  const accessKeyId = env.S3_ACCESS_KEY_ID?.trim() || undefined
  const secretAccessKey = env.S3_SECRET_ACCESS_KEY?.trim() || undefined
  if (Boolean(accessKeyId) !== Boolean(secretAccessKey)) {
    throw new SettingError('S3_ACCESS_KEY_ID and S3_SECRET_ACCESS_KEY go together: set both, or neither to use the AWS default credentials')
  }
  return {
    bucket,
    endpoint,
    region: env.S3_REGION?.trim() || 'us-east-1',
    accessKeyId,
    secretAccessKey,
    // Servers other than AWS mostly want the bucket in the path.
    forcePathStyle: parseBoolean('S3_FORCE_PATH_STYLE', env.S3_FORCE_PATH_STYLE, Boolean(endpoint)),
    publicUrl: env.MEDIA_PUBLIC_URL?.trim() ? parseUrl('MEDIA_PUBLIC_URL', env.MEDIA_PUBLIC_URL.trim()) : undefined,
  }
}

/**
 * Stores `Cache-Control` with every object written, so that the bucket and a CDN in front of it serve it with
 * the long lifetime too (storage-s3 sets only the content type). Added on the way out: it is not a signed header.
 */
class CacheControlOnWrite extends NodeHttpHandler {
  override handle(...[request, options]: Parameters<NodeHttpHandler['handle']>) {
    const createsObject =
      (request.method === 'PUT' && !request.headers['x-amz-copy-source'] && request.query?.partNumber === undefined) ||
      (request.method === 'POST' && request.query !== undefined && 'uploads' in request.query)
    if (createsObject) request.headers['cache-control'] = MEDIA_CACHE_CONTROL
    return super.handle(request, options)
  }
}

/** The AWS SDK client settings for these storage settings. */
export const s3ClientConfig = (settings: ObjectStorageSettings): S3ClientConfig => ({
  endpoint: settings.endpoint,
  region: settings.region,
  forcePathStyle: settings.forcePathStyle,
  credentials:
    settings.accessKeyId && settings.secretAccessKey
      ? { accessKeyId: settings.accessKeyId, secretAccessKey: settings.secretAccessKey }
      : undefined,
  // A missing object must come back as NotFound at once, not after retries.
  maxAttempts: 2,
  requestHandler: new CacheControlOnWrite({ connectionTimeout: 5000, requestTimeout: 30_000 }),
})

/** Files served through Payload (/api/media/file/…) carry the same long-lived Cache-Control as the stored objects. */
const cacheServedFiles =
  (slugs: readonly string[]): Plugin =>
  (config: Config): Config => ({
    ...config,
    collections: (config.collections ?? []).map((collection) =>
      slugs.includes(collection.slug) && typeof collection.upload === 'object'
        ? {
            ...collection,
            upload: {
              ...collection.upload,
              modifyResponseHeaders: ({ headers }) => {
                const modified = collection.upload && typeof collection.upload === 'object' && collection.upload.modifyResponseHeaders
                const result = (modified ? modified({ headers }) : undefined) ?? headers
                result.set('Cache-Control', MEDIA_CACHE_CONTROL)
                return result
              },
            },
          }
        : collection,
    ),
  })

/**
 * Local disk: a file missing from the media folder (another instance took the upload, or it was removed) answers
 * 404; Payload's own file handler answers 500 for it. Present files fall through to Payload's handler.
 */
const missingLocalFilesAre404 =
  (slugs: readonly string[]): Plugin =>
  (config: Config): Config => ({
    ...config,
    collections: (config.collections ?? []).map((collection) => {
      const upload = collection.upload
      if (!slugs.includes(collection.slug) || typeof upload !== 'object') return collection
      const folder = path.resolve(upload.staticDir || collection.slug)
      const answerMissing = async (filename: string): Promise<Response | undefined> => {
        const file = path.resolve(folder, filename)
        if (!file.startsWith(folder + path.sep)) return undefined
        const present = await fs.stat(file).then(
          () => true,
          () => false,
        )
        return present ? undefined : Response.json({ errors: [{ message: 'Not Found' }] }, { status: 404 })
      }
      // Payload's handler type says Response or void; it passes on anything that is not a Response.
      const handler = ((_req, { params }) => answerMissing(params.filename)) as FileHandler
      return { ...collection, upload: { ...upload, handlers: [...(upload.handlers ?? []), handler] } }
    }),
  })

/**
 * The storage plugins for the app: always registered so the schema (the `prefix` field storage-s3 adds) is the
 * same with and without S3 and the committed migrations fit both; enabled only when settings are given.
 */
export const objectStoragePlugins = (settings: ObjectStorageSettings | undefined): Plugin[] => {
  const collectionOptions = settings?.publicUrl
    ? {
        // Media is public (read: anyone): the CDN may serve it without asking Payload.
        disablePayloadAccessControl: true as const,
        generateFileURL: ({ filename, prefix }: { filename: string; prefix?: string }) =>
          `${settings.publicUrl}/${[prefix, filename].filter(Boolean).map((part) => encodeURI(String(part))).join('/')}`,
      }
    : true
  const storage = s3Storage({
    enabled: Boolean(settings),
    alwaysInsertFields: true,
    bucket: settings?.bucket ?? 'media-on-local-disk',
    collections: Object.fromEntries(STORED_COLLECTIONS.map((slug) => [slug, collectionOptions])),
    config: settings ? s3ClientConfig(settings) : {},
  })
  return settings ? [cacheServedFiles(STORED_COLLECTIONS), storage] : [storage, missingLocalFilesAre404(STORED_COLLECTIONS)]
}

/** One HeadBucket round trip, bounded by the caller's timeout: is the bucket there and may we use it? */
export const checkObjectStorage = async (settings: ObjectStorageSettings, client = objectStorageClient(settings)): Promise<void> => {
  await client.send(new HeadBucketCommand({ Bucket: settings.bucket }))
}

const clients = new WeakMap<ObjectStorageSettings, S3Client>()
/** One SDK client per settings object, for the readiness check. */
export const objectStorageClient = (settings: ObjectStorageSettings): S3Client => {
  let client = clients.get(settings)
  if (!client) {
    client = new S3Client({ ...s3ClientConfig(settings), maxAttempts: 1 })
    clients.set(settings, client)
  }
  return client
}
