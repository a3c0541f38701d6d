import type { Payload } from 'payload'

import { MODERATION_SETTINGS_SLUG } from './settings'
import { sqlAdapter, tableNameOf, transactionClient } from './sql'

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
 * count alone: 1–3 for these three; the sweep: 1 the current window). Null parameters match nothing (`column =
 * NULL` is not true), so one text serves every combination of identities.
 */
export interface SubmissionStatements {
  dialect: 'postgres' | 'sqlite'
  /** `select` of the facts (parameters 1–7) */
  facts: string
  /** the flood upsert returning `data` (key, window, first value as parameters 1–3), when the KV store is the database's */
  floodCount?: string
  /** the flood upsert returning `data` and the facts (parameters 1–10) */
  floodCountWithFacts?: string
  /** deletes the flood entries of windows before the one given (parameter 1), when the KV store is the database's */
  floodSweep?: string
}

/** An SQL identifier, double-quoted. */
export const quote = (name: string) => `"${name.replace(/"/g, '""')}"`

/**
 * A table's name (`table`, schema-qualified on PostgreSQL when the adapter has a schema) and the given columns'
 * names, quoted for SQL text; undefined when the schema lacks the table or one of the columns.
 */
export const quotedNames = <C extends string>(payload: Payload, slug: string, columns: C[]): ({ table: string } & Record<C, string>) | undefined => {
  const db = sqlAdapter(payload)
  const tableName = tableNameOf(db, slug)
  const table = tableName ? db.tables?.[tableName] : undefined
  const names = columns.map((column) => table?.[column]?.name)
  if (!tableName || names.some((name) => !name)) return undefined
  const schema = db.name === 'postgres' && db.schemaName ? `${quote(db.schemaName)}.` : ''
  return { table: `${schema}${quote(tableName)}`, ...Object.fromEntries(columns.map((column, i) => [column, quote(names[i]!)])) } as { table: string } & Record<C, string>
}

const build = (payload: Payload): SubmissionStatements | null => {
  const dialect = sqlAdapter(payload).name
  if (dialect !== 'postgres' && dialect !== 'sqlite') return null
  const a = quotedNames(payload, 'articles', ['id', '_status', 'allowComments', 'commentsCloseAt', 'publishedAt', 'createdAt'])
  const c = quotedNames(payload, 'comments', ['id', 'article', 'fingerprint', 'createdAt', 'authorEmail', 'ipHash', 'authorUser', 'deletedAt'])
  const s = quotedNames(payload, MODERATION_SETTINGS_SLUG, ['updatedAt'])
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
  const k = kv?.collectionSlug && !kv.redisClient ? quotedNames(payload, kv.collectionSlug, ['key', 'data']) : undefined
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
    // substr, not a key range: under PostgreSQL's usual collations punctuation does not sort byte by byte. An
    // entry whose window is not a number is left alone (SQLite: null or text never compares below a number).
    const stale =
      dialect === 'postgres'
        ? `case when jsonb_typeof(${k.data}->'window') = 'number' then (${k.data}->>'window')::numeric < ${p(1)} else false end`
        : `json_extract(${k.data}, '$.window') < ${p(1)}`
    statements.floodSweep = `delete from ${k.table} where substr(${k.key}, 1, 6) = 'flood:' and ${stale}`
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

type Which = 'facts' | 'floodCount' | 'floodCountWithFacts' | 'floodSweep'

const valuesOf = (which: Which, values: StatementValues): unknown[] => {
  if (which === 'floodSweep') return [values.floodWindow ?? null]
  const facts = [values.articleId, values.fingerprint, values.since, values.email, values.ipHash, values.userId, values.excludeId]
  const flood = [values.floodKey, values.floodWindow, JSON.stringify({ window: values.floodWindow, count: 1 })]
  const all = which === 'facts' ? facts : which === 'floodCount' ? flood : [...facts, ...flood]
  return all.map((value) => value ?? null)
}

/**
 * Runs one of the statements: on SQLite through the adapter's client (every statement commits on its own there);
 * on PostgreSQL as a named prepared statement, in the request's transaction when it has one, else on the pool.
 * Returns its first row and how many rows it changed; undefined when this instance has no such statement.
 */
const execute = async (payload: Payload, which: Which, values: StatementValues, req?: { transactionID?: unknown }) => {
  const statements = submissionStatements(payload)
  const text = statements?.[which]
  if (!statements || !text) return undefined
  const db = sqlAdapter(payload)
  const args = valuesOf(which, values)
  if (statements.dialect === 'sqlite') {
    if (!db.client) return undefined
    const result = await db.client.execute({ sql: text, args })
    return { row: (result.rows?.[0] as Record<string, unknown> | undefined) ?? {}, changed: Number(result.rowsAffected ?? 0) }
  }
  const client = (await transactionClient(db, req)) ?? db.pool
  if (!client) return undefined
  const result = await client.query({ name: `newsroom_${which}`, text, values: args })
  return { row: (result.rows?.[0] as Record<string, unknown> | undefined) ?? {}, changed: Number(result.rowCount ?? 0) }
}

/** The row of a statement (see execute), or undefined when this instance has no such statement. */
export const runStatement = async (
  payload: Payload,
  which: Exclude<Which, 'floodSweep'>,
  values: StatementValues,
  req?: { transactionID?: unknown },
): Promise<Record<string, unknown> | undefined> => (await execute(payload, which, values, req))?.row

/** Rows the sweep deleted, or undefined when this instance has no sweep statement. */
export const runSweep = async (payload: Payload, window: number): Promise<number | undefined> =>
  (await execute(payload, 'floodSweep', { floodWindow: window }))?.changed

/**
 * PostgreSQL: SQL that locks a collection's row until the transaction ends, given the SQL of its id (a parameter
 * or a literal). `for no key update` (the lock an UPDATE of non-key columns takes) rather than `for update`:
 * inserting a comment or a comment version takes `for key share` on the article through the foreign key, which
 * `for update` would conflict with (deadlock). Undefined when the schema has no such table.
 */
export const rowLockSql = (payload: Payload, slug: string) => {
  const t = quotedNames(payload, slug, ['id'])
  return t && ((id: string) => `select 1 from ${t.table} where ${t.id} = ${id} for no key update`)
}

/**
 * The recount of one article as SQL text: approved and not in the trash, counted (never incremented), the latest
 * date read from the end of the (article, status, deletedAt, createdAt) index. `update(article)` takes the SQL of
 * the article's id (a trigger's `NEW."article_id"`, a parameter, or a literal). Undefined when the schema lacks a
 * table or column.
 */
export const articleRecountSql = (payload: Payload) => {
  const a = quotedNames(payload, 'articles', ['id', 'commentCount', 'lastCommentAt'])
  const c = quotedNames(payload, 'comments', ['article', 'status', 'deletedAt', 'createdAt'])
  if (!a || !c) return undefined
  const of = (article: string) => `${c.article} = ${article} and ${c.status} = 'approved' and ${c.deletedAt} is null`
  return {
    comments: c,
    update: (article: string, extra = '') => `update ${a.table} set
      ${a.commentCount} = (select count(*) from ${c.table} where ${of(article)}),
      ${a.lastCommentAt} = (select ${c.createdAt} from ${c.table} where ${of(article)} order by ${c.createdAt} desc limit 1)
      where ${a.id} = ${article}${extra}`,
  }
}
