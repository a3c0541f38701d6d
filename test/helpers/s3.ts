import crypto from 'node:crypto'
import fs from 'node:fs'
import os from 'node:os'
import path from 'node:path'

import {
  CreateBucketCommand,
  DeleteBucketCommand,
  DeleteObjectsCommand,
  ListObjectsV2Command,
  S3Client,
} from '@aws-sdk/client-s3'
import S3rver from 's3rver'

import { s3ClientConfig, type ObjectStorageSettings } from '../../src/objectStorage'

export interface TestBucket {
  settings: ObjectStorageSettings
  client: S3Client
  /** Keys of every object in the bucket, sorted. */
  keys: () => Promise<string[]>
  close: () => Promise<void>
}

/**
 * A bucket of this test file's own on a real S3-protocol server. Default: s3rver (the S3 REST protocol on a
 * folder) started here on a free loopback port, in a temp dir. With `S3_TEST_ENDPOINT` (MinIO, R2, AWS): a
 * throwaway bucket there, emptied and deleted afterwards; credentials from `S3_TEST_ACCESS_KEY_ID` and
 * `S3_TEST_SECRET_ACCESS_KEY`, region from `S3_TEST_REGION`, path style unless `S3_TEST_FORCE_PATH_STYLE=false`.
 */
export const startTestBucket = async (label = 'media'): Promise<TestBucket> => {
  const bucket = `newsroom-${label.replace(/[^a-z0-9]/gi, '').toLowerCase()}-${crypto.randomBytes(4).toString('hex')}`.slice(0, 63)
  let server: S3rver | undefined
  let directory: string | undefined
  let settings: ObjectStorageSettings
  if (process.env.S3_TEST_ENDPOINT) {
    settings = {
      bucket,
      endpoint: process.env.S3_TEST_ENDPOINT,
      region: process.env.S3_TEST_REGION || 'us-east-1',
      accessKeyId: process.env.S3_TEST_ACCESS_KEY_ID,
      secretAccessKey: process.env.S3_TEST_SECRET_ACCESS_KEY,
      forcePathStyle: process.env.S3_TEST_FORCE_PATH_STYLE !== 'false',
    }
  } else {
    directory = fs.mkdtempSync(path.join(os.tmpdir(), 'newsroom-s3rver-'))
    server = new S3rver({ address: '127.0.0.1', port: 0, silent: true, directory })
    const address = await server.run()
    settings = {
      bucket,
      endpoint: `http://127.0.0.1:${address.port}`,
      region: 'us-east-1',
      // s3rver's fixed credentials
      accessKeyId: 'S3RVER',
      secretAccessKey: 'S3RVER',
      forcePathStyle: true,
    }
  }
  const client = new S3Client(s3ClientConfig(settings))
  await client.send(new CreateBucketCommand({ Bucket: bucket }))

  const keys = async () => {
    const found: string[] = []
    let token: string | undefined
    do {
      const page = await client.send(new ListObjectsV2Command({ Bucket: bucket, ContinuationToken: token }))
      for (const object of page.Contents ?? []) if (object.Key) found.push(object.Key)
      token = page.IsTruncated ? page.NextContinuationToken : undefined
    } while (token)
    return found.sort()
  }

  return {
    settings,
    client,
    keys,
    close: async () => {
      try {
        const left = await keys()
        if (left.length) await client.send(new DeleteObjectsCommand({ Bucket: bucket, Delete: { Objects: left.map((Key) => ({ Key })) } }))
        await client.send(new DeleteBucketCommand({ Bucket: bucket }))
      } finally {
        client.destroy()
        await server?.close()
        if (directory) fs.rmSync(directory, { recursive: true, force: true })
      }
    },
  }
}
