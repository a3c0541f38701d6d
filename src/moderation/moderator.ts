import { Automaton } from './automaton'
import * as chars from './chars'
import { findContacts, DEFAULT_PHONE_REGIONS, type FoundContact } from './contacts'
import { LatinIndex, type LatinMatch } from './latin'
import { findLinks, findSpelledLinks, type FoundLink } from './links'
import * as norm from './normalize'
import { SoundIndex, type SoundMatch } from './sound'
import { applyOffenseScore, checkOffensePolicy } from './offense/verdict'
import type {
  ModerationInput,
  ModerationPolicy,
  ModerationReason,
  ModerationResult,
  Moderator,
  ReadingOptions,
  ReadingSwitches,
  ModeratorOptions,
  OffensePolicy,
  Verdict,
} from './types'
import type { CountryCode } from 'libphonenumber-js'

// local copies of imported bindings (see normalize.ts)
const K_CJK = chars.K_CJK
const K_SPACE = chars.K_SPACE
const K_WORD = chars.K_WORD
const SEP = norm.SEP
const Stream = norm.Stream
type Stream = norm.Stream
const Units = norm.Units
const buildReadings = norm.buildReadings
const buildUnits = norm.buildUnits
const termSymbols = norm.termSymbols

type Category = 0 | 1 | 2 | 3
const BANNED: Category = 0
const SUSPECT: Category = 1
const SPAM: Category = 2
const ALLOW: Category = 3

interface CompiledTerm {
  term: string
  category: Category
}

/**
 * English inflections accepted after a Latin-script term (fucking, bitches,
 * sluts) and compounding words accepted before it (bullshit, dipshit).
 * Stored reversed for prefixes. Anything else glued to a term is a different
 * word (Scunthorpe, Bitche, shiitake, Matsushita).
 */
const SUFFIXES = ['s', 'es', 'ed', 'er', 'ers', 'ing', 'ings', 'in', 'y', 'ies', 'z'].map(toCodes)
const PREFIXES = ['bull', 'horse', 'dip', 'ape', 'bat', 'chicken', 'dog', 'holy', 'cluster', 'mind', 'dumb', 'jack', 'fat', 'pig', 'rat', 'cow']
  .map((w) => toCodes([...w].reverse().join('')))
function toCodes(w: string): number[] {
  return [...w].map((c) => c.charCodeAt(0))
}

/**
 * Does the word continuing from symbol `from` (direction +1 / -1) consist of
 * exactly one of `affixes` (also in its leet/i-l skeleton and collapsed form)?
 */
function hasAffix(s: norm.Stream, from: number, dir: 1 | -1, affixes: number[][]): boolean {
  const code = s.code
  const kind = s.kind
  const flags = s.flags
  const m = s.m
  outer: for (const a of affixes) {
    let i = from
    for (let k = 0; k < a.length; k++, i += dir) {
      if (i < 0 || i >= m || kind[i] !== K_WORD) continue outer
      const c = code[i]
      const want = a[k]
      if (c !== want && !(want === 0x6c && c === 0x69)) {
        // the aggressive reading collapses doubles and reads l as i
        if (k > 0 && want === a[k - 1]) {
          i -= dir
          continue
        }
        continue outer
      }
      // a skipped separator inside the affix ends the word
      if (k > 0 && (dir === 1 ? flags[i] : flags[i + 1]) & SEP) continue outer
    }
    // the affix must end the word
    if (i < 0 || i >= m || kind[i] !== K_WORD) return true
    if ((dir === 1 ? flags[i] : flags[i + 1]) & SEP) return true
  }
  return false
}

interface PatternMeta {
  /** all letters Latin a–z (inflections apply) */
  latin: boolean
  term: number // index into terms
  length: number // symbols
  startBoundary: boolean
  endBoundary: boolean
}

interface Match {
  category: Category
  term: number
  u0: number
  u1: number
  aggressive: boolean
}

class Reading {
  readonly automaton: Automaton
  readonly meta: PatternMeta[]
  constructor(terms: CompiledTerm[], aggressive: boolean) {
    const patterns: number[][] = []
    this.meta = []
    terms.forEach((t, i) => {
      const { symbols, kinds } = termSymbols(t.term, aggressive)
      if (symbols.length === 0) return
      patterns.push(symbols)
      this.meta.push({
        latin: symbols.every((c, k) => kinds[k] !== K_WORD || (c >= 0x61 && c <= 0x7a) || (c >= 0x30 && c <= 0x39)),
        term: i,
        length: symbols.length,
        startBoundary: kinds[0] === K_WORD,
        endBoundary: kinds[kinds.length - 1] === K_WORD,
      })
    })
    this.automaton = new Automaton(patterns)
  }

  /** scan a stream, pushing boundary-respecting matches */
  collect(s: Stream, terms: CompiledTerm[], aggressive: boolean, into: Match[]): void {
    const meta = this.meta
    const kind = s.kind
    const flags = s.flags
    const m = s.m
    this.automaton.scan(s.code, m, (pid, e) => {
      const p = meta[pid]
      const b = e - p.length + 1
      if (p.startBoundary && b > 0 && kind[b - 1] === K_WORD && (flags[b] & SEP) === 0) {
        if (!p.latin || !hasAffix(s, b - 1, -1, PREFIXES)) return
      }
      if (p.endBoundary && e + 1 < m && kind[e + 1] === K_WORD && (flags[e + 1] & SEP) === 0) {
        if (!p.latin || !hasAffix(s, e + 1, 1, SUFFIXES)) return
      }
      into.push({ category: terms[p.term].category, term: p.term, u0: s.u0[b], u1: s.u1[e], aggressive })
    })
  }
}

// scratch buffers (single-threaded; reused across calls)
const units = new Units()
const plain = new Stream()
const aggressive = new Stream()

/** characters that NFKC or invisible-character removal would change in a link */
const LINK_DISGUISE = /[\uff01-\uff65\u2024\ufe52\u2488-\u249b\u24b6-\u24e9\p{Default_Ignorable_Code_Point}\p{Cf}\u{1d400}-\u{1d7ff}]/u
const INVISIBLE_G = /[\p{Default_Ignorable_Code_Point}\p{Cf}]/gu

function linkScanText(text: string, mayBeDisguised = true): { text: string; exact: boolean } {
  if (!mayBeDisguised || !LINK_DISGUISE.test(text)) return { text, exact: true }
  const folded = text.normalize('NFKC').replace(INVISIBLE_G, '')
  return { text: folded, exact: folded === text }
}

const SHOUT_MIN_LETTERS = 12
const SHOUT_RATIO = 0.7

interface TextSignals {
  upper: number
  lower: number
  repeated: { start: number; end: number } | null
  contact: { start: number; end: number } | null
}

/**
 * Per UTF-16 unit: 1 lower-case letter, 2 upper-case letter, 3 ASCII digit, 0
 * anything else. Letters are a–z, A–Z, full-width a–z/A–Z, and the cased
 * letters of Latin-1, Latin Extended, Greek, Cyrillic and Armenian.
 */
const CASE_CLASS = new Uint8Array(0x10000)
for (let c = 0x61; c <= 0x7a; c++) CASE_CLASS[c] = 1
for (let c = 0x41; c <= 0x5a; c++) CASE_CLASS[c] = 2
for (let c = 0x30; c <= 0x39; c++) CASE_CLASS[c] = 3
for (let c = 0xff21; c <= 0xff3a; c++) CASE_CLASS[c] = 2 // full-width
for (let c = 0xff41; c <= 0xff5a; c++) CASE_CLASS[c] = 1
for (let c = 0xc0; c < 0x530; c++) {
  const ch = String.fromCharCode(c)
  if (ch.toLowerCase() !== ch) CASE_CLASS[c] = 2
  else if (ch.toUpperCase() !== ch) CASE_CLASS[c] = 1
}

function textSignals(text: string): TextSignals {
  let upper = 0
  let lower = 0
  let repeated: TextSignals['repeated'] = null
  let contact: TextSignals['contact'] = null
  let prev = -1
  let run = 0
  let digitRun = 0
  let digitStart = 0
  const len = text.length
  for (let i = 0; i < len; i++) {
    const c = text.charCodeAt(i)
    const cls = CASE_CLASS[c]
    if (cls === 1) lower++
    else if (cls === 2) upper++
    else if (cls === 3) {
      if (digitRun === 0) digitStart = i
      digitRun++
    }
    if (digitRun > 0 && cls !== 3 && c !== 0x2d && c !== 0x20) {
      if (digitRun >= 7 && contact === null) contact = { start: digitStart, end: i }
      digitRun = 0
    }
    if (c === prev) {
      run++
      if (run >= 3 && repeated === null && c !== 0x20 && run >= repeatThreshold(c)) {
        repeated = { start: i + 1 - run, end: i + 1 }
      }
    } else {
      prev = c
      run = 1
    }
  }
  if (digitRun >= 7 && contact === null) contact = { start: digitStart, end: len }
  return { upper, lower, repeated, contact }
}

function repeatThreshold(c: number): number {
  // !!!, ???, $$$ — or a letter held down: soooooo
  if (c === 0x21 || c === 0x3f || c === 0x24 || c === 0xff01 || c === 0xffe5 || c === 0x20ac) return 3
  if (c === 0x2e || c === 0x2d || c === 0x3d || c === 0x5f || c === 0x2a || c === 0x7e) return 12 // ... --- === ___
  return 5
}

class EngineModerator implements Moderator {
  private readonly terms: CompiledTerm[] = []
  private readonly plainReading: Reading
  private readonly aggressiveReading: Reading
  private readonly maxLinks: number
  private readonly hasAllow: boolean
  /** terms that normalise to nothing and can never match */
  readonly ignoredTerms: string[] = []
  private readonly sound: SoundIndex
  private readonly latin: LatinIndex
  private readonly readings: Required<ReadingSwitches>
  private readonly phoneRegions: CountryCode[]
  /** allow-term matches of the last matchTerms call (units of that text) */
  private allowSpans: Match[] = []

  private readonly offense: OffensePolicy | undefined

  constructor(policy: ModeratorOptions & ReadingOptions) {
    const add = (list: string[] | undefined, category: Category) => {
      for (const raw of list ?? []) {
        if (typeof raw !== 'string') continue
        const term = raw.trim()
        if (term.length === 0) continue
        this.terms.push({ term, category })
      }
    }
    add(policy.bannedTerms, BANNED)
    add(policy.suspectTerms, SUSPECT)
    add(policy.spamTerms, SPAM)
    add(policy.allowTerms, ALLOW)
    this.hasAllow = (policy.allowTerms ?? []).length > 0
    this.maxLinks = policy.maxLinks ?? 1
    this.offense = checkOffensePolicy(policy.offense)
    this.plainReading = new Reading(this.terms, false)
    this.aggressiveReading = new Reading(this.terms, true)
    const usable = new Set([...this.plainReading.meta, ...this.aggressiveReading.meta].map((m) => m.term))
    this.terms.forEach((t, i) => {
      if (!usable.has(i)) this.ignoredTerms.push(t.term)
    })
    const r = policy.readings ?? {}
    this.readings = {
      homophones: r.homophones !== false,
      pinyin: r.pinyin !== false,
      initials: r.initials !== false,
      brokenWords: r.brokenWords !== false,
      masked: r.masked !== false,
      contacts: r.contacts !== false,
    }
    this.phoneRegions = (policy.phoneRegions?.length ? policy.phoneRegions : DEFAULT_PHONE_REGIONS) as CountryCode[]
    // the folded form of each term: Chinese terms for the sound readings, one Latin word for the others
    const han: (number[] | null)[] = []
    const latin: (string | null)[] = []
    const u = new Units()
    for (const t of this.terms) {
      buildUnits(t.term, u)
      let allHan = u.n > 0
      let allLatin = u.n > 0
      const cps: number[] = []
      for (let i = 0; i < u.n; i++) {
        const c = u.code[i]
        cps.push(c)
        if (u.kind[i] !== K_CJK) allHan = false
        if (u.kind[i] !== K_WORD || c < 0x61 || c > 0x7a) allLatin = false
      }
      han.push(allHan && t.category !== ALLOW ? cps : null)
      latin.push(allLatin && t.category !== ALLOW ? String.fromCharCode(...cps) : null)
    }
    this.sound = new SoundIndex(han)
    this.latin = new LatinIndex(latin)
  }

  /**
   * The readings that need word or sound knowledge, on the units of the text
   * last passed to matchTerms. Matches inside an allow term, or where the term
   * was already found as written, are dropped.
   */
  private readMore(text: string, found: Match[]): { sound: SoundMatch[]; latin: LatinMatch[] } {
    const on = this.readings
    const sound = on.homophones || on.pinyin || on.initials ? this.sound.find(units, text, on) : []
    const latin: LatinMatch[] = []
    // broken words and masks are made of letters: a text without any has none
    if (on.brokenWords && units.mayHaveWords) latin.push(...this.latin.brokenWords(units))
    if (on.masked && units.mayHaveWords) latin.push(...this.latin.masked(units, text))
    if (sound.length === 0 && latin.length === 0) return { sound, latin }
    // letters inside a link (an encoded path, a host name) are not a reader's words
    const links = findLinks(text)
    return {
      sound: sound.filter((m) => this.clear(m, found, links)),
      latin: latin.filter((m) => this.clear(m, found, links)),
    }
  }

  /** not inside an allow term, not where the term was found as written, not inside a link */
  private clear(m: { term: number; u0: number; u1: number }, found: Match[], links: FoundLink[]): boolean {
    for (const a of this.allowSpans) if (a.u0 <= m.u1 && m.u0 <= a.u1) return false
    for (const f of found) if (f.term === m.term && f.u0 <= m.u1 && m.u0 <= f.u1) return false
    for (const l of links) if (l.start <= units.start[m.u0] && units.end[m.u1] <= l.end) return false
    return true
  }

  /** all term matches in a text, allow-list applied; leaves `units` filled for `text` */
  private matchTerms(text: string): Match[] {
    buildUnits(text, units)
    const matches: Match[] = []
    const same = buildReadings(units, plain, aggressive)
    this.plainReading.collect(plain, this.terms, false, matches)
    // without letters or digits the leet reading is the plain one, and a term
    // without letters reads the same in both: the second scan could only repeat
    // the first one's matches (which the reasons drop as duplicates)
    if (!same) this.aggressiveReading.collect(aggressive, this.terms, true, matches)
    this.allowSpans = []
    if (matches.length === 0 || !this.hasAllow) return matches
    const allows = matches.filter((m) => m.category === ALLOW)
    this.allowSpans = allows
    return matches.filter(
      (m) => m.category !== ALLOW && !allows.some((a) => a.u0 <= m.u0 && m.u1 <= a.u1),
    )
  }

  /** a term found by a reading: counted (tally[category], or tally[3] for a guess) and reported once per span */
  private termReason(
    tally: number[],
    seen: Set<string>,
    reasons: ModerationReason[],
    term: number,
    start: number,
    end: number,
    detail: string,
    reading: ModerationReason['reading'],
    guess: boolean,
  ): void {
    const key = `${term}:${start}:${end}`
    if (seen.has(key)) return
    seen.add(key)
    const t = this.terms[term]
    const category = t.category
    tally[guess ? 3 : category]++
    const code = guess ? 'possible_term' : category === BANNED ? 'banned_term' : category === SUSPECT ? 'suspect_term' : 'spam_term'
    if (reasons.length < 50) reasons.push({ code, term: t.term, start, end, detail, reading })
  }

  check(input: ModerationInput): ModerationResult {
    const body = typeof input?.body === 'string' ? input.body : ''
    const reasons: ModerationReason[] = []

    // ---- terms in the body ----------------------------------------------
    const matches = this.matchTerms(body)
    let meaningful = false
    for (let i = 0; i < units.n; i++) {
      if (units.kind[i] !== K_SPACE) {
        meaningful = true
        break
      }
    }
    if (!meaningful) {
      return { verdict: 'reject', score: 1, reasons: [{ code: 'empty', detail: 'nothing left after normalisation' }] }
    }
    let banned = 0
    let suspect = 0
    let spam = 0
    let plainBanned = false
    const seen = new Set<string>()
    for (const m of matches) {
      const start = units.start[m.u0]
      const end = units.end[m.u1]
      const key = `${m.term}:${start}:${end}`
      if (seen.has(key)) continue
      seen.add(key)
      const t = this.terms[m.term]
      const code = m.category === BANNED ? 'banned_term' : m.category === SUSPECT ? 'suspect_term' : 'spam_term'
      if (m.category === BANNED) {
        banned++
        if (!m.aggressive) plainBanned = true
      } else if (m.category === SUSPECT) suspect++
      else spam++
      if (reasons.length < 50) {
        const detail = describe(body.slice(start, end), t.term, m.aggressive)
        reasons.push({ code, term: t.term, start, end, detail, reading: detail === 'exact' || detail === 'case' ? 'exact' : 'disguised' })
      }
    }
    // ---- readings that need sound or word knowledge -------------------------
    const more = this.readMore(body, matches)
    // counts of the readings' findings: [banned, suspect, spam, possible]
    const tally = [0, 0, 0, 0]
    for (const m of more.sound) {
      const start = units.start[m.u0]
      const end = units.end[m.u1]
      const t = this.terms[m.term]
      const seenText = body.slice(start, end)
      const sounds = m.syllables.join(' ')
      const what =
        m.reading === 'initials' ? `initials of ${t.term}: ${seenText}` :
        m.reading === 'pinyin' ? `pinyin of ${t.term}: ${seenText}` :
        m.reading === 'mixed' ? `mixed script of ${t.term}: ${seenText} (${sounds})` :
        `homophone of ${t.term}: ${seenText} (${sounds})`
      this.termReason(tally, seen, reasons, m.term, start, end, what, m.reading, m.guess)
    }
    for (const m of more.latin) {
      const start = units.start[m.u0]
      const end = units.end[m.u1]
      const t = this.terms[m.term]
      const seenText = body.slice(start, end)
      if (m.reading === 'broken_word') {
        this.termReason(tally, seen, reasons, m.term, start, end, `broken word: ${JSON.stringify(seenText)} reads as ${t.term}`, 'broken_word', true)
      } else {
        // one hidden letter in three or fewer, and only one listed term fits: as sure as leet
        const sure = !m.ambiguous && m.hidden * 3 <= t.term.length
        this.termReason(tally, seen, reasons, m.term, start, end, `masked letters: ${seenText} reads as ${t.term}`, 'masked', !sure)
      }
    }
    banned += tally[BANNED]
    suspect += tally[SUSPECT]
    spam += tally[SPAM]
    const possible = tally[3]

    // ---- right-to-left override: also read the text in display order ------
    // (U+202E is an invisible character, so only a text whose units saw one can hold it)
    if (units.unusual && body.includes('\u202e')) {
      const { visual, origin } = displayOrder(body)
      for (const m of this.matchTerms(visual)) {
        let start = Infinity
        let end = -1
        for (let k = units.start[m.u0]; k < units.end[m.u1]; k++) {
          start = Math.min(start, origin[k])
          end = Math.max(end, origin[k] + 1)
        }
        const key = `${m.term}:${start}:${end}`
        if (seen.has(key) || end < 0) continue
        seen.add(key)
        const t = this.terms[m.term]
        if (m.category === BANNED) banned++
        else if (m.category === SUSPECT) suspect++
        else spam++
        const code = m.category === BANNED ? 'banned_term' : m.category === SUSPECT ? 'suspect_term' : 'spam_term'
        reasons.push({ code, term: t.term, start, end, detail: 'reversed by a right-to-left override' })
      }
      buildUnits(body, units) // restore the body's units for the checks below
    }

    // ---- links and spam signals --------------------------------------------
    const scan = linkScanText(body, units.unusual)
    const links: FoundLink[] = findLinks(scan.text)
    for (const l of findSpelledLinks(scan.text)) {
      if (!links.some((k) => k.start < l.end && l.start < k.end)) links.push(l)
    }
    const spamSignals: ModerationReason[] = []
    if (links.length > 0) {
      if (links.length > this.maxLinks) {
        reasons.push({ code: 'too_many_links', detail: `${links.length} links (max ${this.maxLinks})` })
      }
      for (const l of links) reasons.push({ code: 'link', ...(scan.exact ? { start: l.start, end: l.end } : {}), detail: l.text })
      const obf = links.find((l) => l.obfuscated)
      if (obf) spamSignals.push({ code: 'obfuscated_link', ...(scan.exact ? { start: obf.start, end: obf.end } : {}), detail: obf.text })
      if (scan.exact) {
        let outside = false
        for (let i = 0; i < units.n && !outside; i++) {
          const k = units.kind[i]
          if (k !== K_WORD && k !== K_CJK) continue
          const s = units.start[i]
          if (!links.some((l) => s >= l.start && s < l.end)) outside = true
        }
        if (!outside) spamSignals.push({ code: 'link_only' })
      } else {
        const rest = links.reduceRight((acc, l) => acc.slice(0, l.start) + acc.slice(l.end), scan.text)
        if (!/[\p{L}\p{N}]/u.test(rest)) spamSignals.push({ code: 'link_only' })
      }
    }
    const sig = textSignals(body)
    if (scan.exact) {
      // letters inside links do not count towards shouting
      for (const l of links) {
        const inLink = textSignals(body.slice(l.start, l.end))
        sig.upper -= inLink.upper
        sig.lower -= inLink.lower
      }
    }
    const letters = sig.upper + sig.lower
    if (letters >= SHOUT_MIN_LETTERS && sig.upper / letters >= SHOUT_RATIO) spamSignals.push({ code: 'shouting' })
    if (sig.repeated) spamSignals.push({ code: 'repeated_chars', start: sig.repeated.start, end: sig.repeated.end })
    let contactSpam = 0
    let contactHold = 0
    const contacts: FoundContact[] = this.readings.contacts ? findContacts(scan.text, this.phoneRegions) : []
    for (const c of contacts) {
      if (c.kind === 'phone') contactHold++
      else contactSpam++
      const label = c.kind === 'wechat' ? 'WeChat ID' : c.kind === 'qq' ? 'QQ number' : c.kind === 'handle' ? 'messaging handle' : 'phone number'
      reasons.push({ code: 'contact_info', ...(scan.exact ? { start: c.start, end: c.end } : {}), detail: `${label}: ${c.text}` })
    }
    if (sig.contact && !contacts.some((c) => c.start < sig.contact!.end && sig.contact!.start < c.end)) {
      spamSignals.push({ code: 'contact_info', start: sig.contact.start, end: sig.contact.end })
    }

    // ---- the author name -----------------------------------------------------
    let nameBanned = false
    let nameSpam = false
    const name = typeof input?.authorName === 'string' ? input.authorName : ''
    if (name.trim().length > 0) {
      const nameMatches = this.matchTerms(name)
      const nm = nameMatches.find((m) => m.category === BANNED) ?? nameMatches.find((m) => m.category === SPAM)
      if (nm) {
        const t = this.terms[nm.term]
        if (nm.category === BANNED) {
          nameBanned = true
          reasons.push({ code: 'banned_term', term: t.term, detail: 'in author name' })
        } else {
          nameSpam = true
          reasons.push({ code: 'spam_name', term: t.term, detail: 'spam term in author name' })
        }
      } else if (findLinks(linkScanText(name).text).length > 0) {
        spamSignals.push({ code: 'spam_name', detail: 'link in author name' })
      }
    }

    // ---- verdict ---------------------------------------------------------------
    let verdict: Verdict
    let score: number
    if (banned > 0 || nameBanned) {
      verdict = 'reject'
      score = plainBanned ? 0.99 : 0.93
    } else if (spam > 0 || nameSpam || contactSpam > 0) {
      verdict = 'spam'
      score = Math.min(0.99, (spam > 0 || nameSpam ? 0.9 : 0.85) + 0.03 * (links.length > 0 ? 1 : 0) + 0.02 * spamSignals.length)
    } else if (links.length > 0 && (spamSignals.length > 0 || contactHold > 0)) {
      verdict = 'spam'
      score = Math.min(0.95, 0.6 + 0.1 * spamSignals.length + 0.05 * links.length)
    } else if (
      suspect > 0 ||
      possible > 0 ||
      contactHold > 0 ||
      links.length > this.maxLinks ||
      spamSignals.some((s) => s.code === 'spam_name')
    ) {
      verdict = 'hold'
      score = suspect > 0 ? 0.75 : possible > 0 ? 0.7 : contactHold > 0 ? 0.65 : Math.min(0.9, 0.6 + 0.05 * (links.length - this.maxLinks))
    } else {
      verdict = 'approve'
      score = Math.max(0.5, 0.97 - 0.1 * spamSignals.length - (links.length > 0 ? 0.05 : 0))
    }
    for (const s of spamSignals) reasons.push(s)
    const result: ModerationResult = { verdict, score: Math.round(score * 1000) / 1000, reasons }
    return this.offense ? applyOffenseScore(result, body, this.offense) : result
  }
}

/**
 * The text as displayed when U+202E RIGHT-TO-LEFT OVERRIDE reverses a run
 * (until U+202C POP DIRECTIONAL FORMATTING, another embedding or override, or
 * the end of the line), with the original UTF-16 index of every visual index.
 */
function displayOrder(text: string): { visual: string; origin: number[] } {
  const cps: { ch: string; at: number }[] = []
  for (let i = 0; i < text.length; ) {
    const cp = text.codePointAt(i)!
    const ch = String.fromCodePoint(cp)
    cps.push({ ch, at: i })
    i += ch.length
  }
  const out: { ch: string; at: number }[] = []
  for (let k = 0; k < cps.length; k++) {
    if (cps[k].ch !== '\u202e') {
      out.push(cps[k])
      continue
    }
    let j = k + 1
    while (j < cps.length && !'\u202c\u202a\u202b\u202d\u202e\n\r\u2029'.includes(cps[j].ch)) j++
    out.push(cps[k])
    for (let t = j - 1; t > k; t--) out.push(cps[t])
    k = j - 1
  }
  let visual = ''
  const origin: number[] = []
  for (const { ch, at } of out) {
    visual += ch
    for (let u = 0; u < ch.length; u++) origin.push(at + u)
  }
  return { visual, origin }
}

function describe(original: string, term: string, aggressive: boolean): string {
  if (original === term) return 'exact'
  if (original.toLowerCase() === term.toLowerCase()) return 'case'
  return aggressive ? `disguised (leet/repeat/joined): "${original}"` : `disguised: "${original}"`
}

export function createModerator(policy: ModeratorOptions & ReadingOptions): Moderator & { readonly ignoredTerms: string[] } {
  return new EngineModerator(policy)
}
