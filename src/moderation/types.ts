export interface ModerationPolicy {
  /** → reject */
  bannedTerms: string[]
  /** → hold */
  suspectTerms?: string[]
  /** → spam */
  spamTerms?: string[]
  /** words that contain a listed term but are innocent (e.g. "Scunthorpe") */
  allowTerms?: string[]
  /** more links than this → hold (default 1) */
  maxLinks?: number
}

/** createModerator's argument: the word-list policy, and optionally a learned offence score. */
export interface ModeratorOptions extends ModerationPolicy {
  /** the learned offence score; without it verdicts are the word lists' alone */
  offense?: OffensePolicy
}

/** What the moderator needs of an offence model (an OffenseModel from ./offense). */
export interface OffenseScorer {
  score(text: string): number
  explain(text: string, k?: number): { text: string; start: number; end: number; weight: number }[]
}

export interface OffensePolicy {
  model: OffenseScorer
  /** a score at or above this holds the comment for review (0 < holdAt ≤ 1) */
  holdAt: number
  /** a score at or above this rejects it (off unless given; must be ≥ holdAt) */
  rejectAt?: number
  /** n-grams to highlight in the reason (default 5) */
  explain?: number
}

export interface ModerationInput {
  body: string
  authorName?: string
  authorEmail?: string
  authorUrl?: string
}

/** Stable reason codes; an admin UI can translate them. */
export const REASON_CODES = [
  /** body (or name) contains a banned term → reject */
  'banned_term',
  /** body contains a suspect term → hold */
  'suspect_term',
  /** body contains a spam term → spam */
  'spam_term',
  /** more links than policy.maxLinks → hold */
  'too_many_links',
  /** one link (informational; with a spam signal → spam) */
  'link',
  /** the body is nothing but links (spam signal) */
  'link_only',
  /** defanged / obfuscated link such as example[.]com or hxxp:// (spam signal) */
  'obfuscated_link',
  /** mostly capital letters (spam signal) */
  'shouting',
  /** long runs of one character such as !!!! or $$$ (spam signal) */
  'repeated_chars',
  /** phone / messenger number in the body (spam signal) */
  'contact_info',
  /** the author name carries a link, a spam term or a banned term */
  'spam_name',
  /** nothing left after normalisation (blank or invisible characters only) → reject */
  'empty',
  /** the offence model scores the body at or above holdAt → hold (or rejectAt → reject) */
  'likely_offensive',
] as const

export type ReasonCode = (typeof REASON_CODES)[number]

export interface ModerationReason {
  code: ReasonCode
  /** the policy term that matched */
  term?: string
  /** UTF-16 offsets into the ORIGINAL body: body.slice(start, end) is what matched */
  start?: number
  end?: number
  detail?: string
  /** likely_offensive: the model's score, and the n-grams that pushed it most (offsets into the body) */
  offenseScore?: number
  highlights?: { text: string; start: number; end: number; weight: number }[]
}

export type Verdict = 'approve' | 'hold' | 'spam' | 'reject'

export interface ModerationResult {
  verdict: Verdict
  /** 0..1, how sure the engine is of the verdict */
  score: number
  reasons: ModerationReason[]
  /** the offence model's score of the body (0..1), when the policy has a model */
  offenseScore?: number
}

export interface Moderator {
  check(input: ModerationInput): ModerationResult
}
