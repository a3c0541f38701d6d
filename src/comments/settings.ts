import { createModerator, type Moderator } from '../moderation'

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
  updatedAt?: string
}

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
  updatedAt: typeof raw?.updatedAt === 'string' ? raw.updatedAt : undefined,
})

const policyKey = (settings: ModerationSettingsValues): string =>
  JSON.stringify([settings.bannedTerms, settings.suspectTerms, settings.spamTerms, settings.allowTerms, settings.maxLinks])

// Building the automata is the expensive part: one moderator per distinct policy, kept while it is current.
let cached: { key: string; moderator: Moderator } | undefined

/** The moderator for these settings, rebuilt only when a term list or maxLinks changed. */
export const moderatorFor = (settings: ModerationSettingsValues): Moderator => {
  const key = policyKey(settings)
  if (cached?.key === key) return cached.moderator
  const moderator = createModerator({
    bannedTerms: settings.bannedTerms,
    suspectTerms: settings.suspectTerms,
    spamTerms: settings.spamTerms,
    allowTerms: settings.allowTerms,
    maxLinks: settings.maxLinks,
  })
  cached = { key, moderator }
  return moderator
}
