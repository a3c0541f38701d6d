import fc from 'fast-check'
import { describe, expect, it } from 'vitest'
import { createModerator, type ModerationPolicy } from '../../src/moderation/index'
import { Stream, Units, buildAggressiveReading, buildPlainReading, buildReadings, buildUnits } from '../../src/moderation/normalize'
import { LatinIndex, sharedPieces } from '../../src/moderation/latin'
import { SoundIndex } from '../../src/moderation/sound'
import { BANNED_EN, BANNED_ZH, POLICY, SPAM, SUSPECT } from './helpers'

/** text made of what the readings look at: Han, pinyin, letters, digits, masks, separators, marks, invisibles, emoji */
const piece = fc.oneof(
  fc.constantFrom(...BANNED_ZH, ...BANNED_EN, ...SPAM, ...SUSPECT),
  fc.constantFrom('啥', '逼', '币', '沙', '比例', '操', '尼', '玛', '他', '骂', '的', '去', '4', '死', '海', '吧', '王', '霸', '蛋', '微', '信', '薇', 'Q'),
  fc.constantFrom('sha', 'bi', 'cao', 'ni', 'ma', 'ta', 'de', 's', 'b', 'c', 'n', 'm', 'T', 'M', 'D', 'wh', 'ore', 'fu', 'ck', 'as', 'shole'),
  fc.constantFrom(' ', '\t', '\n', '.', ',', '*', '#', '@', '$', '-', '：', '，', '。', '点', ' dot '),
  fc.constantFrom('\u0301', '\u0336', '\u200b', '\u202e', '\ufe0f', '😡', '👍🏽', '🄵', '⒡', 'ｆ', '𝐟', 'İ', 'ß', 'ﬁ'),
  fc.stringMatching(/^[0-9]{1,12}$/),
  fc.string({ maxLength: 6 }),
  fc.string({ unit: 'grapheme', maxLength: 4 }),
)
const body = fc.array(piece, { maxLength: 14 }).map((p) => p.join(''))

describe('properties', () => {
  it('folding never moves an offset outside the original text', () => {
    const u = new Units()
    fc.assert(
      fc.property(body, (text) => {
        buildUnits(text, u)
        for (let i = 0; i < u.n; i++) {
          expect(u.start[i]).toBeGreaterThanOrEqual(0)
          expect(u.end[i]).toBeLessThanOrEqual(text.length)
          expect(u.start[i]).toBeLessThan(u.end[i])
        }
      }),
      { numRuns: 500 },
    )
  })

  it('the one-pass readings are the plain and leet readings built one by one (or one reading when they agree)', () => {
    const u = new Units()
    const [p, a, p2, a2] = [new Stream(), new Stream(), new Stream(), new Stream()]
    const used = (s: Stream) =>
      [s.code, s.kind, s.flags, s.u0, s.u1].map((arr) => Array.from(arr.subarray(0, s.m)))
    fc.assert(
      fc.property(body, (text) => {
        buildUnits(text, u)
        const same = buildReadings(u, p, a)
        buildPlainReading(u, p2)
        buildAggressiveReading(u, a2)
        expect(used(p)).toEqual(used(p2))
        // "the same": the leet reading, built on its own, is the plain one
        expect(used(same ? p : a)).toEqual(used(a2))
      }),
      { numRuns: 1000 },
    )
  })

  it('the sound reading’s tokenizer finds the same broken-word pieces as the broken-word reading', () => {
    const u = new Units()
    const sound = new SoundIndex([[...'傻逼'].map((c) => c.codePointAt(0)!)])
    const latin = new LatinIndex(['whore'])
    const on = { homophones: true, pinyin: true, initials: true }
    const pieces = () => {
      const P = sharedPieces
      return [P.count, ...[P.start, P.end, P.flags].map((a) => Array.from(a.subarray(0, P.count)))]
    }
    fc.assert(
      fc.property(body, (text) => {
        buildUnits(text, u)
        sound.find(u, text, on)
        expect(sharedPieces.of).toBe(u)
        expect(sharedPieces.version).toBe(u.version)
        const fromTokens = pieces()
        sharedPieces.version = -1 // make the broken-word reading find its own
        latin.brokenWords(u)
        expect(sharedPieces.version).toBe(u.version)
        expect(pieces()).toEqual(fromTokens)
      }),
      { numRuns: 1000 },
    )
  })

  it('every reason’s offsets lie inside the body, on whole code points', () => {
    const m = createModerator(POLICY)
    fc.assert(
      fc.property(body, (text) => {
        for (const r of m.check({ body: text }).reasons) {
          if (r.start === undefined) continue
          expect(r.start).toBeGreaterThanOrEqual(0)
          expect(r.end!).toBeLessThanOrEqual(text.length)
          expect(r.start).toBeLessThan(r.end!)
          // never half a surrogate pair
          const lowAt = (i: number) => i > 0 && i < text.length && /[\udc00-\udfff]/.test(text[i]) && /[\ud800-\udbff]/.test(text[i - 1])
          expect(lowAt(r.start)).toBe(false)
          expect(lowAt(r.end!)).toBe(false)
        }
      }),
      { numRuns: 500 },
    )
  })

  it('adding a listed term never turns a reject into an approve', () => {
    const listed = fc.constantFrom('bannedTerms', 'suspectTerms', 'spamTerms') as fc.Arbitrary<'bannedTerms' | 'suspectTerms' | 'spamTerms'>
    const extra = fc.oneof(fc.constantFrom('啥', '沙比', '他们', 'bi', 'ass', 'tmd', '微信', 'shabi', 'hole', '4'), fc.string({ minLength: 1, maxLength: 5 }))
    fc.assert(
      fc.property(body, listed, extra, (text, list, term) => {
        const before = createModerator(POLICY).check({ body: text }).verdict
        fc.pre(before === 'reject')
        const policy: ModerationPolicy = { ...POLICY, [list]: [...(POLICY[list] ?? []), term] }
        expect(createModerator(policy).check({ body: text }).verdict).toBe('reject')
      }),
      { numRuns: 150 },
    )
  })

  it('an allow term always wins over a reading that needs a guess', () => {
    const m = createModerator(POLICY)
    fc.assert(
      fc.property(body, (text) => {
        const guesses = m.check({ body: text }).reasons.filter((r) => r.code === 'possible_term' && r.start !== undefined)
        fc.pre(guesses.length > 0)
        const allowTerms = guesses.map((g) => text.slice(g.start, g.end))
        const allowed = createModerator({ ...POLICY, allowTerms }).check({ body: text })
        for (const g of guesses) {
          expect(allowed.reasons.some((r) => r.code === 'possible_term' && r.start === g.start && r.end === g.end)).toBe(false)
        }
      }),
      { numRuns: 300 },
    )
  })

  it('an allow term wins over each guessed reading (fixed examples)', () => {
    for (const [text, allow] of [
      ['这种啥逼也能当记者', '啥逼'],
      ['这人就是个s b啊', 's b'],
      ['you are a wh ore', 'wh ore'],
      ['a real a*****e', 'a*****e'],
      ['见人说人话', '见人说人话'],
    ]) {
      expect(createModerator(POLICY).check({ body: text }).verdict, text).toBe('hold')
      expect(createModerator({ ...POLICY, allowTerms: [allow] }).check({ body: text }).verdict, text).toBe('approve')
    }
  })
})
