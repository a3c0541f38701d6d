import type { DateInput } from './types'

/** Parse a Payload date (ISO string or Date). Returns null for missing or invalid input. */
export function toDate(value: DateInput): Date | null {
  if (value === null || value === undefined || value === '') return null
  const d = value instanceof Date ? new Date(value.getTime()) : new Date(value)
  return Number.isNaN(d.getTime()) ? null : d
}

/** ISO string of a date input, or null. */
export function toIso(value: DateInput): string | null {
  return toDate(value)?.toISOString() ?? null
}
