/**
 * payload-newsroom/moderation — comment moderation engine.
 * Pure TypeScript, no Payload imports; see README.md.
 */
export { createModerator } from './moderator'
export { normalizeForMatching } from './normalize'
export { warmUpReadings } from './warm'
export { findLinks, type FoundLink } from './links'
export {
  REASON_CODES,
  type ModerationInput,
  type ModerationPolicy,
  type ModerationReason,
  type ModerationResult,
  type ReadingOptions,
  type ReadingSwitches,
  type TermReading,
  type Moderator,
  type ReasonCode,
  type Verdict,
} from './types'
