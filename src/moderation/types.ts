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

/** Options of createModerator beyond the term lists (kept apart so ModerationPolicy stays as it was). */
export interface ReadingOptions {
  /**
   * Readings beyond the term as written, each on by default. A site that wants
   * fewer holds turns off the ones that need a guess.
   */
  readings?: ReadingSwitches
  /**
   * Regions (ISO 3166 codes) whose national numbers count as phone numbers
   * without a cue word; default CN. Numbers with a country code (+61 …) or
   * after a cue word (电话, call, WhatsApp …) count in any region.
   */
  phoneRegions?: string[]
}

export interface ReadingSwitches {
  /** 啥逼, 傻币, 草尼玛 for 傻逼 / 草泥马 (→ hold) */
  homophones?: boolean
  /** sha bi, caonima, and mixed script sha逼, 去4吧 (→ the term's verdict) */
  pinyin?: boolean
  /** s b, c n m, T.M.D in a Chinese sentence (→ hold) */
  initials?: boolean
  /** w hore, di ck head, s\thit (→ hold) */
  brokenWords?: boolean
  /** f#ck, b*****d (→ the term's verdict when one letter in three or fewer is hidden, else hold) */
  masked?: boolean
  /** WeChat / QQ IDs, messaging handles (→ spam), phone numbers (→ hold) */
  contacts?: boolean
}

/** Which reading found a term. */
export type TermReading =
  | 'exact'
  | 'disguised'
  | 'homophone'
  | 'pinyin'
  | 'mixed'
  | 'initials'
  | 'broken_word'
  | 'masked'

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
  /** a listed term read through a guess (homophone, initials, broken word, heavy mask) → at least hold */
  'possible_term',
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
  /** contact details: a WeChat / QQ ID or messaging handle → spam; a phone number → hold; a long number (signal) */
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
  /** which reading found the term (term reasons only) */
  reading?: TermReading
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
