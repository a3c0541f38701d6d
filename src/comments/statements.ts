import type { Payload } from 'payload'

import { MODERATION_SETTINGS_SLUG } from './settings'
import { tableNameOf, transactionDb } from './sql'

/**
 * The comment submission's own SQL on PostgreSQL and SQLite, written once per schema as text with numbered
 * parameters and run straight on the driver: the flood counter's upsert on the database KV store, the facts the
 * pipeline reads (article state, duplicate, settings' stamp), and both in one statement for the submit endpoint.
 *
 * Why text and not drizzle's builder: these run on every comment, and building them through drizzle cost about as
 * much as running them (≈0.3 ms of ≈1 ms, measured); on PostgreSQL they are named prepared statements (parsed and
 * planned once per connection).
 *
 * Parameters, by number: 1 article id, 2 body fingerprint, 3 duplicates since (ISO), 4 email, 5 ipHash, 6 user id,
 * 7 comment to leave out (an edit), 8 flood key, 9 flood window, 10 the first {window, count} as JSON (the flood
 * count alone: 1–3 for these three). Null parameters match nothing (`column = NULL` is not true), so one text
 * serves every combination of identities.
 */
export interface SubmissionStatements {
  dialect: 'postgres' | 'sqlite'
  /** `select` of the facts (parameters 1–7) */
  facts: string
  /** the flood upsert returning `data` (key, window, first value as parameters 1–3), when the KV store is the database's */
  floodCount?: string
  /** the flood upsert returning `data` and the facts (parameters 1–10) */
  floodCountWithFacts?: string
}

const quote = (name: string) => `"${name.replace(/"/g, '""')}"`

const build = (payload: Payload): SubmissionStatements | null => {
  const db = payload.db as any
  const dialect = db.name
  if (dialect !== 'postgres' && dialect !== 'sqlite') return null
  const named = (slug: string, columns: string[]) => {
    const tableName = tableNameOf(db, slug)
    const table = tableName ? db.tables[tableName] : undefined
    const names = columns.map((column) => table?.[column]?.name as string | undefined)
    if (!tableName || names.some((name) => !name)) return undefined
    const schema = dialect === 'postgres' && db.schemaName ? `${quote(db.schemaName)}.` : ''
    return { table: `${schema}${quote(tableName)}`, ...Object.fromEntries(columns.map((column, i) => [column, quote(names[i]!)])) } as Record<string, string>
  }
  const a = named('articles', ['id', '_status', 'allowComments', 'commentsCloseAt', 'publishedAt', 'createdAt'])
  const c = named('comments', ['id', 'article', 'fingerprint', 'createdAt', 'authorEmail', 'ipHash', 'authorUser', 'deletedAt'])
  const s = named(MODERATION_SETTINGS_SLUG, ['updatedAt'])
  if (!a || !c || !s) return null
  const p = (n: number) => (dialect === 'postgres' ? `$${n}` : `?${n}`)
  const jsonObject = dialect === 'postgres' ? 'json_build_object' : 'json_object'
  const columns = `(select ${jsonObject}('status', ${a._status}, 'allowComments', ${a.allowComments}, 'commentsCloseAt', ${a.commentsCloseAt},
      'publishedAt', ${a.publishedAt}, 'createdAt', ${a.createdAt}) from ${a.table} where ${a.id} = ${p(1)}) as "article",
    exists (select 1 from ${c.table} where ${c.article} = ${p(1)} and ${c.fingerprint} = ${p(2)} and ${c.createdAt} > ${p(3)}
      and (${c.authorEmail} = ${p(4)} or ${c.ipHash} = ${p(5)} or ${c.authorUser} = ${p(6)})
      and ${c.deletedAt} is null and coalesce(${c.id} <> ${p(7)}, true)) as "duplicate",
    (select ${s.updatedAt} from ${s.table} limit 1) as "settings_stamp"`
  const statements: SubmissionStatements = { dialect, facts: `select ${columns}` }

  const kv = payload.kv as { collectionSlug?: string; redisClient?: unknown } | undefined
  const k = kv?.collectionSlug && !kv.redisClient ? named(kv.collectionSlug, ['key', 'data']) : undefined
  if (k) {
    // A new {window, count}, or one more in the current window. `at`: the number of the key's parameter (window
    // and first value follow).
    const upsert = (at: number) => {
      const [key, window, first] = [p(at), p(at + 1), dialect === 'postgres' ? `${p(at + 2)}::jsonb` : p(at + 2)]
      const next =
        dialect === 'postgres'
          ? `case when (${k.table}.${k.data}->>'window')::bigint = ${window}::bigint
               then jsonb_build_object('window', ${window}::bigint, 'count', (${k.table}.${k.data}->>'count')::int + 1)
               else excluded.${k.data} end`
          : `case when json_extract(${k.table}.${k.data}, '$.window') = ${window}
               then json_object('window', ${window}, 'count', json_extract(${k.table}.${k.data}, '$.count') + 1)
               else excluded.${k.data} end`
      return `insert into ${k.table} (${k.key}, ${k.data}) values (${key}, ${first})
        on conflict (${k.key}) do update set ${k.data} = ${next}
        returning ${k.table}.${k.data} as "data"`
    }
    statements.floodCount = upsert(1)
    statements.floodCountWithFacts = `${upsert(8)}, ${columns}`
  }
  return statements
}

const cache = new WeakMap<object, SubmissionStatements | null>()

/** This instance's statements, or undefined on another adapter or a schema without these tables and columns. */
export const submissionStatements = (payload: Payload): SubmissionStatements | undefined => {
  let statements = cache.get(payload.db)
  if (statements === undefined) {
    statements = build(payload)
    cache.set(payload.db, statements)
  }
  return statements ?? undefined
}

/** The values of parameters 1–10 (see {@link SubmissionStatements}). */
export interface StatementValues {
  articleId?: number | string
  fingerprint?: string
  since?: string
  email?: string
  ipHash?: string
  userId?: number | string
  excludeId?: number | string
  floodKey?: string
  floodWindow?: number
}

const valuesOf = (which: 'facts' | 'floodCount' | 'floodCountWithFacts', values: StatementValues): unknown[] => {
  const facts = [values.articleId, values.fingerprint, values.since, values.email, values.ipHash, values.userId, values.excludeId]
  const flood = [values.floodKey, values.floodWindow, JSON.stringify({ window: values.floodWindow, count: 1 })]
  const all = which === 'facts' ? facts : which === 'floodCount' ? flood : [...facts, ...flood]
  return all.map((value) => value ?? null)
}

/**
 * Runs one of the statements and returns its row: on SQLite through the adapter's client (every statement commits
 * on its own there); on PostgreSQL as a named prepared statement, in the request's transaction when it has one,
 * else on the pool. Undefined when this instance has no such statement.
 */
export const runStatement = async (
  payload: Payload,
  which: 'facts' | 'floodCount' | 'floodCountWithFacts',
  values: StatementValues,
  req?: { transactionID?: unknown },
): Promise<Record<string, unknown> | undefined> => {
  const statements = submissionStatements(payload)
  const text = statements?.[which]
  if (!statements || !text) return undefined
  const db = payload.db as any
  const args = valuesOf(which, values)
  if (statements.dialect === 'sqlite') {
    const result = await db.client.execute({ sql: text, args })
    return (result.rows?.[0] as Record<string, unknown> | undefined) ?? {}
  }
  const client = (await transactionDb(db, req))?.session?.client ?? db.pool
  const result = await client.query({ name: `newsroom_${which}`, text, values: args })
  return result.rows?.[0] ?? {}
}
