import type { Payload, PayloadRequest } from 'payload'

import { createModerator, type Moderator, type ReadingSwitches } from '../moderation'
import { DEFAULT_RETRAIN_AFTER } from './offenseConstants'
import { activeOffenseModel, type ActiveOffenseModel } from './offenseModel'

/** The slug of the global the moderators edit (here, so the global's own hooks can use it without a cycle). */
export const MODERATION_SETTINGS_SLUG = 'moderation-settings'

/** The global `moderation-settings`, as the pipeline reads it. */
export interface ModerationSettingsValues {
  mode: 'post' | 'pre'
  bannedTerms: string[]
  suspectTerms: string[]
  spamTerms: string[]
  allowTerms: string[]
  maxLinks: number
  reportThreshold: number
  holdNewCommenters: boolean
  floodLimitPerMinute: number
  requireEmail: boolean
  closeAfterDays?: number
  blockedAuthors: string[]
  honeypot: boolean
  minSecondsToSubmit: number
  /** the disguises the engine reads listed terms through (each on unless switched off) */
  readings: Required<ReadingSwitches>
  /** regions whose national numbers count as phone numbers without a cue word (empty: the engine's default, CN) */
  phoneRegions: string[]

  /** the learned offence score (on unless a site turns it off) */
  offenseScoring: boolean
  /** hold at or above this score; unset: the model's own holdAt */
  offenseHoldAt?: number
  /** reject at or above this score; unset (the default): a score alone never rejects */
  offenseRejectAt?: number
  /** queue a retrain after this many new moderator decisions */
  retrainAfterDecisions: number
  /** the id of the active retrained model (null: the shipped one), set when an admin or the job activates one */
  activeOffenseModel: string | null
  /** the model and thresholds in force, resolved by loadModerationSettings when scoring is on */
  offense?: { model: ActiveOffenseModel; holdAt: number; rejectAt?: number }
  updatedAt?: string
}

const READING_NAMES = ['homophones', 'pinyin', 'initials', 'brokenWords', 'masked', 'contacts'] as const

const readingSwitches = (raw: unknown): Required<ReadingSwitches> => {
  const group = (raw && typeof raw === 'object' ? raw : {}) as Record<string, unknown>
  return Object.fromEntries(READING_NAMES.map((name) => [name, group[name] !== false])) as Required<ReadingSwitches>
}

const threshold = (value: unknown): number | undefined =>
  typeof value === 'number' && Number.isFinite(value) && value > 0 && value <= 1 ? value : undefined

const list = (value: unknown): string[] =>
  Array.isArray(value) ? value.filter((item): item is string => typeof item === 'string' && item.trim() !== '') : []

const num = (value: unknown, fallback: number): number =>
  typeof value === 'number' && Number.isFinite(value) ? value : fallback

/** Fills defaults, so a never-saved global behaves as documented. */
export const readSettings = (raw: Record<string, unknown> | null | undefined): ModerationSettingsValues => ({
  mode: raw?.mode === 'pre' ? 'pre' : 'post',
  bannedTerms: list(raw?.bannedTerms),
  suspectTerms: list(raw?.suspectTerms),
  spamTerms: list(raw?.spamTerms),
  allowTerms: list(raw?.allowTerms),
  maxLinks: num(raw?.maxLinks, 1),
  reportThreshold: Math.max(1, num(raw?.reportThreshold, 3)),
  holdNewCommenters: raw?.holdNewCommenters === true,
  floodLimitPerMinute: Math.max(1, num(raw?.floodLimitPerMinute, 5)),
  requireEmail: raw?.requireEmail === true,
  closeAfterDays: typeof raw?.closeAfterDays === 'number' && raw.closeAfterDays > 0 ? raw.closeAfterDays : undefined,
  blockedAuthors: list(raw?.blockedAuthors).map((entry) => entry.trim().toLowerCase()),
  honeypot: raw?.honeypot !== false,
  minSecondsToSubmit: Math.max(0, num(raw?.minSecondsToSubmit, 0)),
  readings: readingSwitches(raw?.readings),
  phoneRegions: list(raw?.phoneRegions).map((region) => region.trim().toUpperCase()),
  offenseScoring: raw?.offenseScoring !== false,
  offenseHoldAt: threshold(raw?.offenseHoldAt),
  offenseRejectAt: threshold(raw?.offenseRejectAt),
  retrainAfterDecisions: Math.max(1, Math.floor(num(raw?.retrainAfterDecisions, DEFAULT_RETRAIN_AFTER))),
  activeOffenseModel: typeof raw?.activeOffenseModel === 'string' && raw.activeOffenseModel !== '' ? raw.activeOffenseModel : null,
  updatedAt: typeof raw?.updatedAt === 'string' ? raw.updatedAt : undefined,
})

const policyKey = (settings: ModerationSettingsValues): string =>
  JSON.stringify([
    settings.bannedTerms,
    settings.suspectTerms,
    settings.spamTerms,
    settings.allowTerms,
    settings.maxLinks,
    settings.readings,
    settings.phoneRegions,
    settings.offense ? [settings.offense.model.version, settings.offense.holdAt, settings.offense.rejectAt ?? null] : null,
  ])

// Building the automata is the expensive part: one moderator per distinct policy, kept while it is current.
let cached: { key: string; moderator: Moderator } | undefined

/** The moderator for these settings, rebuilt only when a term list, maxLinks, a reading switch, the offence model or a threshold changed. */
export const moderatorFor = (settings: ModerationSettingsValues): Moderator => {
  const key = policyKey(settings)
  if (cached?.key === key) return cached.moderator
  const moderator = createModerator({
    bannedTerms: settings.bannedTerms,
    suspectTerms: settings.suspectTerms,
    spamTerms: settings.spamTerms,
    allowTerms: settings.allowTerms,
    maxLinks: settings.maxLinks,
    readings: settings.readings,
    phoneRegions: settings.phoneRegions.length ? settings.phoneRegions : undefined,
    ...(settings.offense
      ? { offense: { model: settings.offense.model.model, holdAt: settings.offense.holdAt, rejectAt: settings.offense.rejectAt } }
      : {}),
  })
  cached = { key, moderator }
  return moderator
}

/**
 * The settings last read by each Payload instance of this process, with the `updatedAt` they were read at.
 * Saving the global changes `updatedAt`, so a comment whose facts carry another stamp reads them again: a change
 * applies to the next comment on every instance, without a restart, and an unchanged global costs no read.
 */
const settingsByInstance = new WeakMap<Payload, { stamp: string | null; values: ModerationSettingsValues }>()

/**
 * The current moderation settings. `stamp` is the global's `updatedAt` as just read in this request (null: never
 * saved); when it matches the cached one the cached values are used, otherwise (or without a stamp) they are read
 * in the request's transaction.
 */
export const loadModerationSettings = async (req: PayloadRequest, stamp?: string | null): Promise<ModerationSettingsValues> => {
  const cachedValues = settingsByInstance.get(req.payload)
  if (stamp !== undefined && cachedValues && cachedValues.stamp === stamp) return cachedValues.values
  // Adapter-level read (no hooks to run), in the request's transaction.
  const raw = await req.payload.db.findGlobal<Record<string, unknown>>({ slug: MODERATION_SETTINGS_SLUG, req })
  const values = await withOffenseModel(req, readSettings(raw))
  const readStamp = values.updatedAt ? new Date(values.updatedAt).toISOString() : null
  // Keep what was read only when it is what the stamp said (inside an uncommitted save it may not be).
  if (stamp === undefined || stamp === readStamp) settingsByInstance.set(req.payload, { stamp: readStamp, values })
  return values
}

/** This instance drops its copy at once after a save (other instances see the new `updatedAt`). */
export const forgetModerationSettings = (payload: Payload): void => {
  settingsByInstance.delete(payload)
}

/**
 * The offence model and thresholds in force: the active retrained version (else the shipped model), holding at the
 * site's threshold (else the model's own holdAt); a reject threshold below the hold threshold rejects from there.
 */
const withOffenseModel = async (req: PayloadRequest, values: ModerationSettingsValues): Promise<ModerationSettingsValues> => {
  if (!values.offenseScoring) return values
  const model = await activeOffenseModel(req, values.activeOffenseModel)
  const holdAt = values.offenseHoldAt ?? model.model.holdAt
  const rejectAt = values.offenseRejectAt === undefined ? undefined : Math.max(values.offenseRejectAt, holdAt)
  return { ...values, offense: { model, holdAt, rejectAt } }
}
