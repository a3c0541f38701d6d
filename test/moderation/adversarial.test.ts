import { describe, expect, it } from 'vitest'
import fc from 'fast-check'
import { createModerator, normalizeForMatching } from '../../src/moderation/index'
import { BANNED_EN, BANNED_ZH, moderator, rng } from './helpers'

describe('adversarial inputs finish and are correct', () => {
  it('64 KB of near-misses', () => {
    const near = ['fuk', 'shi t', 'bitc', 'assh0', 'cunning', 'bast', 'dickhea', 'motherfucke', 'whor', 'sl ut', 'Scunthorpe', 'shiitake', '傻瓜', '操作', 'f.u.c', 'a s s', '!!!!', '$$$']
    const r = rng(42)
    let body = ''
    while (body.length < 64 * 1024) body += near[Math.floor(r() * near.length)] + (r() < 0.5 ? ' ' : '. ')
    const res = moderator.check({ body })
    expect(res.reasons.filter((x) => x.code === 'banned_term')).toEqual([])
    // one real term at the very end is still found, with exact offsets
    const withTerm = body + ' f\u200bu\u200bc\u200bk'
    const res2 = moderator.check({ body: withTerm })
    expect(res2.verdict).toBe('reject')
    const reason = res2.reasons.find((x) => x.code === 'banned_term')!
    expect(withTerm.slice(reason.start, reason.end)).toBe('f\u200bu\u200bc\u200bk')
  })

  it('64 KB of one repeated letter, of separators, of invisible characters, of combining marks', () => {
    for (const body of ['a'.repeat(65536), '. '.repeat(32768), '\u200b'.repeat(65536), 'a' + '\u0301'.repeat(65535), '傻'.repeat(65536), 'x.'.repeat(32768)]) {
      const res = moderator.check({ body })
      expect(['approve', 'reject', 'hold', 'spam']).toContain(res.verdict)
    }
    expect(moderator.check({ body: 's' + 'h'.repeat(60000) + 'it' }).verdict).toBe('reject')
  })

  it('list entries with regex metacharacters are literal', () => {
    const meta = ['$', '*', '(', '#', '\\', '.*', '(a+)+$', '[abc]', 'a|b', '^x', '{2}', '?', '+', 'c++', '(╯°□°)╯', 'x\\d']
    const m = createModerator({ bannedTerms: meta })
    expect(m.check({ body: 'aaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaab' }).verdict).toBe('approve')
    expect(m.check({ body: 'nothing special here' }).verdict).toBe('approve')
    expect(m.check({ body: 'apple, banana' }).verdict).toBe('approve')
    expect(m.check({ body: 'price: 5 $' }).verdict).toBe('reject') // literal $
    expect(m.check({ body: 'see [abc] here' }).verdict).toBe('reject')
    expect(m.check({ body: 'flip (╯°□°)╯ table' }).verdict).toBe('reject')
    expect(m.check({ body: 'x\\d' }).verdict).toBe('reject')
    // separators between single letters are skipped in terms too: x\d reads as xd
    expect(m.check({ body: 'x d' }).verdict).toBe('reject')
    expect(m.check({ body: 'xdx' }).verdict).toBe('approve')
  })

  it('emoji sequences, skin tones, ZWJ families and flags', () => {
    const emoji = '👨‍👩‍👧‍👦 👍🏽 🏳️‍🌈 🇬🇧 ❤️ 🧑🏿‍🚀'
    expect(moderator.check({ body: `Lovely ${emoji} story` }).verdict).toBe('approve')
    expect(moderator.check({ body: `${emoji} shit ${emoji}` }).verdict).toBe('reject')
    expect(moderator.check({ body: 's💩h💩i💩t' }).verdict).toBe('reject')
    const r = moderator.check({ body: `${emoji} fuck` })
    const reason = r.reasons[0]
    expect(`${emoji} fuck`.slice(reason.start, reason.end)).toBe('fuck')
  })

  it('right-to-left override and other bidi controls', () => {
    expect(moderator.check({ body: 'sh\u202eit' }).verdict).toBe('reject')
    expect(moderator.check({ body: '\u202ewhat a bitch\u202c' }).verdict).toBe('reject')
    expect(moderator.check({ body: 'f\u2067u\u2069c\u200fk' }).verdict).toBe('reject')
    expect(moderator.check({ body: '\u202eolleh' }).verdict).toBe('approve')
    // U+202E displays the following run reversed: "kcuf" is shown as "fuck"
    const body = 'what a \u202ekcuf\u202c take'
    const r = moderator.check({ body })
    expect(r.verdict).toBe('reject')
    expect(body.slice(r.reasons[0].start, r.reasons[0].end)).toBe('kcuf')
    expect(moderator.check({ body: '好\u202e逼傻' }).verdict).toBe('reject')
  })

  it('zalgo text', () => {
    const zalgo = (s: string) => [...s].map((c) => c + '\u0300\u0316\u0337\u0363\u034a\u0489'.repeat(3)).join('')
    expect(moderator.check({ body: zalgo('what a bitch') }).verdict).toBe('reject')
    expect(moderator.check({ body: zalgo('hello world') }).verdict).toBe('approve')
    expect(normalizeForMatching(zalgo('Hello'))).toBe('hello')
  })

  it('lone surrogates and private-use characters do not break offsets', () => {
    const body = '\ud800 fuck \udc00\ue000'
    const r = moderator.check({ body })
    expect(r.verdict).toBe('reject')
    expect(body.slice(r.reasons[0].start, r.reasons[0].end)).toBe('fuck')
  })
})

describe('property tests', () => {
  const invisible = fc.constantFrom('\u200b', '\u200c', '\u200d', '\u2060', '\ufeff', '\u00ad', '\u180e', '\u034f', '\u{e0041}', '\ufe0f', '\u2063')
  const separator = fc.constantFrom(' ', '.', '-', '_', '/', '~', '*', '·', '，', '\n', '\r\n', ' . ', '|', '\u3000', '\t')
  const term = fc.constantFrom(...BANNED_EN, ...BANNED_ZH)
  const context = fc.constantFrom(['', ''], ['What a ', ' take.'], ['', ', honestly'], ['这人就是', '。'], ['"', '"'])

  it('inserting invisible characters between the letters of a banned term keeps it rejected', () => {
    fc.assert(
      fc.property(term, context, fc.array(fc.array(invisible, { maxLength: 3 }), { minLength: 20, maxLength: 20 }), (t, [pre, post], ins) => {
        const chars = [...t]
        const disguised = chars.map((c, i) => c + (i < chars.length - 1 ? ins[i].join('') : '')).join('')
        return moderator.check({ body: pre + disguised + post }).verdict === 'reject'
      }),
      { numRuns: 400 },
    )
  })

  it('separating every letter of a banned term keeps it rejected', () => {
    fc.assert(
      fc.property(term, context, separator, fc.array(invisible, { maxLength: 2 }), (t, [pre, post], sep, extra) => {
        const disguised = [...t].join(sep + extra.join(''))
        return moderator.check({ body: pre + disguised + post }).verdict === 'reject'
      }),
      { numRuns: 400 },
    )
  })

  it('a banned term disguised with random invisibles, case and full-width stays rejected', () => {
    fc.assert(
      fc.property(term, fc.array(fc.tuple(fc.boolean(), fc.boolean(), fc.option(invisible)), { minLength: 20, maxLength: 20 }), (t, ops) => {
        const disguised = [...t]
          .map((c, i) => {
            const [upper, wide, inv] = ops[i]
            let x = upper ? c.toUpperCase() : c
            if (wide && x >= '!' && x <= '~') x = String.fromCharCode(x.charCodeAt(0) + 0xfee0)
            return x + (inv ?? '')
          })
          .join('')
        return moderator.check({ body: `so ${disguised} indeed` }).verdict === 'reject'
      }),
      { numRuns: 400 },
    )
  })

  const cleanSentence = fc.constantFrom(
    'Thanks for the clear summary.',
    'I grew up in Scunthorpe and this rings true.',
    'Shiitake mushrooms are cheaper at the market now.',
    'Matsushita was the old name of Panasonic.',
    'The class assignment covered this exact topic.',
    'Dick Van Dyke was in that film.',
    '操作系统的更新确实很重要。',
    '傻瓜相机现在很少见了。',
    '我们正在逼近真相。',
    'Hancock Street is closed today.',
    'Cockatoos woke me up at 5am.',
  )
  it('clean text stays approved under NFKC-preserving changes (full-width, invisibles, NFD, case)', () => {
    fc.assert(
      fc.property(cleanSentence, fc.constantFrom('NFC', 'NFD', 'NFKC', 'NFKD', 'wide', 'upper', 'zw'), (s, op) => {
        let x: string = s
        if (op === 'wide') x = [...s].map((c) => (c >= '!' && c <= '~' ? String.fromCharCode(c.charCodeAt(0) + 0xfee0) : c)).join('')
        else if (op === 'upper') x = s.toUpperCase()
        else if (op === 'zw') x = [...s].join('\u200b')
        else x = s.normalize(op as 'NFC')
        return moderator.check({ body: x }).verdict === 'approve'
      }),
    )
  })

  it('normalizeForMatching is invariant under NFKC and NFD', () => {
    fc.assert(
      fc.property(fc.string({ unit: 'grapheme', maxLength: 40 }), (s) => {
        return (
          normalizeForMatching(s.normalize('NFKC')) === normalizeForMatching(s) &&
          normalizeForMatching(s.normalize('NFD')) === normalizeForMatching(s)
        )
      }),
      // ǫ once folded by a look-alike table (→ q) but its NFD form by decomposition (→ o)
      { numRuns: 500, examples: [['ǫ'], ['Ǭ'], ['ǭ']] },
    )
  })

  it('never throws and offsets always lie inside the body', () => {
    fc.assert(
      fc.property(fc.string({ unit: 'binary', maxLength: 200 }), (s) => {
        const r = moderator.check({ body: s + ' shit ' + s })
        return r.reasons.every((x) => x.start === undefined || (x.start >= 0 && x.end! <= s.length * 2 + 6 && x.start < x.end!))
      }),
      { numRuns: 300 },
    )
  })
})
