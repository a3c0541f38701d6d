import { describe, expect, it } from 'vitest'

import { SettingError, parseReplicaUris, parseDatabaseUri } from '../../src/database'
import { parseObjectStorage } from '../../src/objectStorage'

describe('S3_* and MEDIA_PUBLIC_URL', () => {
  it('leaves media on the local disk when S3_BUCKET is not set', () => {
    expect(parseObjectStorage({})).toBeUndefined()
  })

  it('reads a MinIO-style setting: path style by default once an endpoint is given, trailing slashes dropped', () => {
    expect(
      parseObjectStorage({
        S3_BUCKET: 'media',
        S3_ENDPOINT: 'http://minio:9000/',
        S3_ACCESS_KEY_ID: 'key',
        S3_SECRET_ACCESS_KEY: 'secret',
        MEDIA_PUBLIC_URL: 'https://cdn.example.com/media/',
      }),
    ).toEqual({
      bucket: 'media',
      endpoint: 'http://minio:9000',
      region: 'us-east-1',
      accessKeyId: 'key',
      secretAccessKey: 'secret',
      forcePathStyle: true,
      publicUrl: 'https://cdn.example.com/media',
    })
  })

  it('uses AWS addressing and the default credentials when only a bucket and region are given', () => {
    expect(parseObjectStorage({ S3_BUCKET: 'media', S3_REGION: 'eu-west-1' })).toMatchObject({
      region: 'eu-west-1',
      forcePathStyle: false,
      accessKeyId: undefined,
      endpoint: undefined,
    })
  })

  it('stops with one clear line on settings that cannot work', () => {
    expect(() => parseObjectStorage({ S3_ENDPOINT: 'http://minio:9000' })).toThrow(/S3_ENDPOINT set but S3_BUCKET is not/)
    expect(() => parseObjectStorage({ S3_BUCKET: 'media', S3_ACCESS_KEY_ID: 'key' })).toThrow(/go together/)
    expect(() => parseObjectStorage({ S3_BUCKET: 'media', S3_ENDPOINT: 'minio:9000' })).toThrow(SettingError)
    expect(() => parseObjectStorage({ S3_BUCKET: 'media', S3_FORCE_PATH_STYLE: 'maybe' })).toThrow(/S3_FORCE_PATH_STYLE must be true or false/)
  })
})

describe('DATABASE_REPLICA_URIS', () => {
  const postgres = parseDatabaseUri('postgres://app@primary:5432/daily')
  it('reads comma-separated PostgreSQL addresses', () => {
    expect(parseReplicaUris(' postgres://app@r1/daily, postgresql://app@r2/daily ,', postgres)).toEqual([
      'postgres://app@r1/daily',
      'postgresql://app@r2/daily',
    ])
    expect(parseReplicaUris(undefined, postgres)).toEqual([])
  })

  it('refuses replicas without a PostgreSQL primary, and addresses that are not PostgreSQL, without echoing a password', () => {
    expect(() => parseReplicaUris('postgres://r1/daily', parseDatabaseUri(undefined))).toThrow(/needs a PostgreSQL DATABASE_URI/)
    expect(() => parseReplicaUris('mysql://app:hunter2@r1/daily', postgres)).toThrow(SettingError)
    expect(() => parseReplicaUris('mysql://app:hunter2@r1/daily', postgres)).not.toThrow(/hunter2/)
  })
})
