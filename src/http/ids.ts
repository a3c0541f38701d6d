import type { Payload } from 'payload'

/**
 * The id as the database stores it, or undefined when it cannot be one: a non-numeric id where ids are serial
 * (PostgreSQL, SQLite), so it never reaches a query that would fail on it (PostgreSQL answers such a query with an
 * error, which would become a 500).
 */
export const storedIdOf = (payload: Payload, value: unknown): number | string | undefined => {
  if (value === undefined || value === null || value === '') return undefined
  if (typeof value !== 'number' && typeof value !== 'string') return undefined
  if (payload.db.defaultIDType !== 'number') return value
  const id = typeof value === 'number' ? value : /^\d{1,15}$/.test(value.trim()) ? Number(value) : NaN
  // Serial ids start at 1; PostgreSQL's serial ids are 4-byte integers.
  const max = payload.db.name === 'postgres' ? 2_147_483_647 : Number.MAX_SAFE_INTEGER
  return Number.isSafeInteger(id) && id >= 1 && id <= max ? id : undefined
}
