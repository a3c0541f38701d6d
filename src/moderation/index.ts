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
export {
  loadOffenseModel,
  trainOffenseModel,
  deserializeOffenseModel,
  loadColdExamples,
  splitExamples,
  evaluateOffenseModel,
  OffenseModel,
  SITE_EXAMPLE_WEIGHT,
  DEFAULT_HOLD_AT,
  type OffenseExample,
  type OffenseExplanation,
  type OffenseLabel,
  type OffenseModelInfo,
  type TrainOffenseOptions,
  type ColdExample,
  type OffenseEvaluation,
} from './offense/index'
export type { ModeratorOptions, OffensePolicy, OffenseScorer } from './types'
