import crypto from 'node:crypto'

import { GRAPHQL_POST } from '@payloadcms/next/routes'
import { getPayload, handleEndpoints, type CollectionConfig, type Payload, type SanitizedConfig } from 'payload'

import { closeDatabase } from '../../src/host/database'
import { guardRequest } from '../../src/http/guardRequest'
import { isPublicRead, readFromReplicas } from '../../src/host/replicas'
import { createNewsroomConfig, type NewsroomAppOptions } from '../../src/config'
import { createContract } from './contract'
import { createTestDatabase, type TestDatabase } from './database'
import { createReplayWaiter } from './replica'

export interface RestResponse<T = any> {
  status: number
  headers: Headers
  body: T
}

export interface RestOptions {
  body?: unknown
  token?: string
  headers?: Record<string, string>
  /** Send a multipart form instead of JSON. */
  form?: FormData
  /** Send these bytes (or text) as the body, as they are, with the Content-Type given in headers. */
  raw?: string | Uint8Array
  /** Leave this answer out of the OpenAPI contract check (`select` and `populate` shape documents on purpose). */
  skipContract?: boolean
}

export interface TestApp {
  payload: Payload
  config: SanitizedConfig
  database: TestDatabase
  /** A REST call as a site or the admin panel makes it, through Payload's own HTTP handlers. */
  rest: <T = any>(method: string, path: string, options?: RestOptions) => Promise<RestResponse<T>>
  /** A GraphQL call through Payload's GraphQL handler. */
  graphql: <T = any>(query: string, options?: { token?: string; variables?: Record<string, unknown>; headers?: Record<string, string> }) => Promise<RestResponse<T>>
  /** Creates a user directly (bypassing access) and logs in over REST; returns the token. */
  userToken: (email: string, roles: string[], password?: string) => Promise<{ token: string; id: number | string }>
  /**
   * Waits until the read replica (the suite run with --replica) has replayed every write made so far; at once without
   * one. `rest` does this before each anonymous read; a test reading over HTTP from a server of its own calls it.
   */
  replicaCaughtUp: () => Promise<void>
  close: () => Promise<void>
}

export interface TestAppOptions extends Partial<Omit<NewsroomAppOptions, 'databaseUri' | 'secret'>> {
  label?: string
  collections?: CollectionConfig[]
  /** Cache key of the Payload instance; a second instance in the same test file needs its own. */
  instanceKey?: string
  /** Use this database (e.g. another instance's `app.database`) instead of a new one; it is not dropped on close. */
  database?: TestDatabase
  /** Payload secret; give two instances the same one when they must hash alike. Default: random. */
  secret?: string
  /**
   * Check every REST response against /api/openapi.json (status documented, JSON body matching its schema); a
   * mismatch fails the call. Default: on (`CONTRACT_CHECK=0` turns it off for a run). Pass `false` only for an app
   * a test deliberately drives outside the contract, with a comment saying why.
   */
  contract?: boolean
}

const BASE = 'http://localhost:3000'

/**
 * `npm run test:postgres -- --replica` sets DATABASE_REPLICA_URIS to a streaming replica of the test server (like
 * DATABASE_URI, the server, not a database): each app reads anonymously from the replica's copy of its own database.
 */
const replicaUrisFor = (database: TestDatabase): string[] => {
  const listed = process.env.DATABASE_REPLICA_URIS
  if (!listed || database.kind !== 'postgres') return []
  const name = new URL(database.uri).pathname
  return listed
    .split(',')
    .map((uri) => uri.trim())
    .filter(Boolean)
    .map((uri) => {
      const url = new URL(uri)
      url.pathname = name
      return url.toString()
    })
}

/** Starts Payload with the newsroom plugin on a database of this test file's own. */
export const startTestApp = async (options: TestAppOptions = {}): Promise<TestApp> => {
  const shared = options.database
  const database = shared ?? (await createTestDatabase(options.label))
  const { database: _database, secret, contract: checkContract = process.env.CONTRACT_CHECK !== '0', ...appOptions } = options
  // Replicas from the environment (the suite run with --replica), unless the test brings its own (test/scale).
  const replicaUris = options.readReplicaUris ? [] : replicaUrisFor(database)
  // An anonymous read in a test follows a write made a moment before: it waits until the replica has replayed it,
  // as a reader who comes after the replication delay would. (What lag looks like: test/scale/replica.test.ts.)
  // (over the servers' own databases: WAL positions are per server, and the test database is dropped on close)
  const replay = replicaUris.length ? createReplayWaiter(process.env.DATABASE_URI!, process.env.DATABASE_REPLICA_URIS!.split(',')[0]!.trim()) : undefined
  // the adapter connects to the replica at start: the replica must have replayed this file's CREATE DATABASE
  await replay?.wait()
  const configPromise = createNewsroomConfig({
    ...appOptions,
    ...(replicaUris.length ? { readReplicaUris: replicaUris } : {}),
    databaseUri: database.uri,
    secret: secret ?? crypto.randomBytes(24).toString('hex'),
    push: true,
    redisUrl: options.redisUrl,
    // Payload's REST handler starts the crons of the instance it is handed; a scheduled runner would then race the
    // jobs a test runs by hand (two runners on one job: duplicate deliveries, a job deleted under the other's log line).
    runJobs: options.runJobs ?? false,
  })
  const config = await configPromise
  const key = options.instanceKey ?? 'default'
  const payload = await getPayload({ config: configPromise, key } as Parameters<typeof getPayload>[0])

  const request = (method: string, path: string, opts: RestOptions = {}) => {
    const headers = new Headers(opts.headers)
    if (opts.token) headers.set('Authorization', `JWT ${opts.token}`)
    let body: BodyInit | undefined
    if (opts.form) body = opts.form
    else if (opts.raw !== undefined) body = opts.raw as BodyInit
    else if (opts.body !== undefined) {
      headers.set('Content-Type', 'application/json')
      body = JSON.stringify(opts.body)
    }
    return new Request(`${BASE}${path}`, { method, headers, body })
  }

  const parse = async (response: Response) => {
    const text = await response.text()
    let body: any = text
    try {
      body = text ? JSON.parse(text) : undefined
    } catch {
      // not JSON
    }
    return { status: response.status, headers: response.headers, body }
  }

  // Through the same guard as the Next API route (src/app/(payload)/api/[...slug]/route.ts).
  // Anonymous reads may be answered from a read replica, as the Express host routes them (src/host/replicas.ts).
  const handle = guardRequest((incoming: Request) => {
    const run = () => handleEndpoints({ config: configPromise, request: incoming, payloadInstanceCacheKey: key } as Parameters<typeof handleEndpoints>[0])
    if (!isPublicRead(incoming.method, new URL(incoming.url).pathname, incoming.headers)) return run()
    return replay ? replay.wait().then(() => readFromReplicas(run)) : readFromReplicas(run)
  })
  const send = async (method: string, path: string, opts?: RestOptions) => parse(await handle(request(method, path, opts)))

  let contract: Promise<ReturnType<typeof createContract>> | undefined
  const rest: TestApp['rest'] = async (method, path, opts) => {
    const response = await send(method, path, opts)
    if (checkContract && !opts?.skipContract) {
      contract ??= send('GET', '/api/openapi.json').then((document) => createContract(document.body))
      const violation = (await contract).check(method, path, response.status, response.headers.get('content-type'), response.body)
      if (violation) throw new Error(`contract: ${violation.method} ${violation.path} → ${violation.status}: ${violation.problem}`)
    }
    return response
  }

  const graphqlHandler = GRAPHQL_POST(configPromise)
  const graphql: TestApp['graphql'] = async (query, opts = {}) =>
    parse(await graphqlHandler(request('POST', '/api/graphql', { token: opts.token, headers: opts.headers, body: { query, variables: opts.variables } })))

  const userToken: TestApp['userToken'] = async (email, roles, password = 'correct horse battery') => {
    const user = await payload.create({ collection: 'users', data: { email, password, roles } as never, overrideAccess: true })
    const login = await rest('POST', '/api/users/login', { body: { email, password } })
    if (login.status !== 200) throw new Error(`login of ${email} failed: ${JSON.stringify(login.body)}`)
    return { token: login.body.token, id: user.id }
  }

  return {
    payload,
    config,
    database,
    rest,
    graphql,
    userToken,
    replicaCaughtUp: async () => replay?.wait(),
    close: async () => {
      await closeDatabase(payload)
      await replay?.close()
      if (!shared) await database.drop()
    },
  }
}
