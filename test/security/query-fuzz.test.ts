/**
 * Hostile list queries, generated: `where` trees (and/or, every operator, values of the wrong kind, dates no
 * database reads, NUL, ids that are not ids), `sort`, `depth`, `select`, `populate`, `draft`, `trash` and query
 * strings that are not qs at all, sent to every collection's list over REST, as an admin (whose queries reach the
 * database furthest) and as the public. The answer is a 2xx or a 4xx with a message, never a 5xx.
 * QUERY_RUNS queries per collection and caller (300 in CI; 60 by default elsewhere; FUZZ_SEED replays).
 */
import fc from 'fast-check'
import type { FlattenedField } from 'payload'
import { stringify } from 'qs-esm'
import { afterAll, beforeAll, describe, it } from 'vitest'

import { freshIp, publishArticle, setSettings } from '../comments/helpers'
import { startTestApp, type TestApp } from '../helpers/app'
import { expectHandled, shortReport } from './handled'

const RUNS = Number(process.env.QUERY_RUNS || (process.env.CI ? 300 : 60))
const COLLECTIONS = ['articles', 'comments', 'sources', 'media', 'sections', 'tags', 'users', 'webhook-endpoints', 'webhook-deliveries', 'moderation-examples']
const OPERATORS = [
  'equals', 'not_equals', 'in', 'not_in', 'all', 'exists', 'greater_than', 'greater_than_equal', 'less_than', 'less_than_equal',
  'like', 'not_like', 'contains', 'near', 'within', 'intersects',
]

let app: TestApp
let admin: string

beforeAll(async () => {
  app = await startTestApp({ label: 'security_query_fuzz' })
  admin = (await app.userToken('admin@example.com', ['admin'])).token
  await setSettings(app, { floodLimitPerMinute: 100_000 })
  const article = await publishArticle(app)
  await app.rest('POST', '/api/comments', { body: { article: article.id, authorName: 'Reader', body: 'a fine comment' }, headers: { 'x-forwarded-for': freshIp() } })
})
afterAll(async () => app?.close())

/** The paths a query can name in a collection: its fields, a level into groups and relations, and nonsense. */
const pathsOf = (slug: string): string[] => {
  const fields = (app.payload.collections as Record<string, { config: { flattenedFields: FlattenedField[] } }>)[slug]?.config.flattenedFields
  const paths = new Set(['id', 'createdAt', 'updatedAt'])
  for (const field of fields ?? []) {
    paths.add(field.name)
    if ('flattenedFields' in field && Array.isArray(field.flattenedFields)) for (const sub of field.flattenedFields) paths.add(`${field.name}.${sub.name}`)
    if (field.type === 'relationship' || field.type === 'upload') for (const sub of ['id', 'title', 'name', 'slug', 'email']) paths.add(`${field.name}.${sub}`)
  }
  return [...paths]
}

const scalar = fc.oneof(
  fc.constantFrom('', '0', '-1', '1', 'x', '1,x', 'null', 'true', 'false', 'NaN', 'Infinity', '1e309', '9007199254740993', '2026-02-31', '0000-01-01', 'soon', '2026-12-03T08:00:00.000Z', '\u0000', 'a\u0000b', '%', '_', '\\', "'", '"', '1,2', '[1,2]', '{"a":1}', '🧨'),
  fc.string({ maxLength: 20 }),
  fc.string({ unit: 'binary', maxLength: 20 }),
  fc.integer().map(String),
  fc.double().map(String),
)
const operand = fc.oneof(scalar, fc.array(scalar, { maxLength: 4 }), fc.dictionary(fc.constantFrom('a', 'type', 'coordinates', '0'), scalar, { maxKeys: 2 }))

const whereOf = (paths: string[]) =>
  fc.letrec((tie) => ({
    where: fc.oneof(
      { depthSize: 'small' },
      fc.dictionary(fc.oneof(fc.constantFrom(...paths), fc.string({ maxLength: 10 })), fc.dictionary(fc.oneof(fc.constantFrom(...OPERATORS), fc.string({ maxLength: 6 })), operand, { minKeys: 1, maxKeys: 2 }), { minKeys: 1, maxKeys: 3 }),
      fc.record({ or: fc.array(tie('where'), { minLength: 1, maxLength: 3 }) }),
      fc.record({ and: fc.array(tie('where'), { minLength: 1, maxLength: 3 }) }),
    ),
  })).where

/** A whole query string: qs-encoded parameters of hostile values, or text that is no qs at all. */
const queryOf = (paths: string[]) =>
  fc.oneof(
    { weight: 4, arbitrary: fc
      .record(
        {
          where: whereOf(paths),
          sort: fc.oneof(fc.constantFrom(...paths).chain((path) => fc.constantFrom(path, `-${path}`)), scalar, fc.array(fc.constantFrom(...paths), { maxLength: 3 }).map((list) => list.join(','))),
          depth: fc.oneof(fc.integer({ min: -5, max: 50 }).map(String), scalar),
          select: fc.dictionary(fc.constantFrom(...paths), fc.oneof(fc.constant('true'), scalar), { maxKeys: 3 }),
          populate: fc.dictionary(fc.constantFrom('articles', 'media', 'sources', 'x'), fc.dictionary(fc.constantFrom(...paths), scalar, { maxKeys: 2 }), { maxKeys: 2 }),
          draft: scalar,
          trash: scalar,
          locale: scalar,
          joins: fc.dictionary(fc.constantFrom(...paths), scalar, { maxKeys: 2 }),
        },
        { requiredKeys: [] },
      )
      .map((params) => stringify(params, { encode: true })) },
    { weight: 1, arbitrary: fc.string({ maxLength: 60 }).map((text) => encodeURI(text.replace(/[\uD800-\uDFFF]/g, ''))) },
    { weight: 1, arbitrary: fc.constantFrom('where[[[=1', 'where=1', 'where[]=1', 'where[id]=1', 'where[id][equals][]=', 'where[or]=x', 'where[and][0]=1', 'sort[]=id', 'depth[]=1', 'select=1', 'where[__proto__][equals]=1', `where${'[a]'.repeat(40)}=1`) },
  )

const fuzzList = (slug: string, as: 'admin' | 'public') =>
  it(`GET /api/${slug} (${as}): ${RUNS} hostile queries, never a 5xx`, async () => {
    const paths = pathsOf(slug)
    await fc.assert(
      fc.asyncProperty(queryOf(paths), async (query) => {
        // `select` and `populate` leave fields out on purpose: the contract check would call that a violation
        const skipContract = /select|populate/.test(decodeURIComponent(query.replace(/%(?![0-9a-f]{2})/gi, '%25')))
        const response = await app.rest('GET', `/api/${slug}?${query}`, { token: as === 'admin' ? admin : undefined, skipContract })
        expectHandled(`GET /api/${slug} (${as})`, response, query)
      }),
      { numRuns: RUNS, seed: Number(process.env.FUZZ_SEED) || undefined, reporter: shortReport },
    )
  }, 10 * 60_000)

describe('list queries', () => {
  for (const slug of COLLECTIONS) {
    fuzzList(slug, 'admin')
    fuzzList(slug, 'public')
  }
})
