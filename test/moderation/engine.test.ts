import { describe, expect, it } from 'vitest'
import { REASON_CODES, createModerator, findLinks } from '../../src/moderation/index'
import { POLICY, moderator } from './helpers'

describe('offsets map back to the original text', () => {
  const cases: [string, string][] = [
    ['What a fuck take', 'fuck'],
    ['What a ｆｕｃｋ take', 'ｆｕｃｋ'],
    ['I read it, f.u.c.k.', 'f.u.c.k'],
    ['x f\u200bu\u200bc\u200bk y', 'f\u200bu\u200bc\u200bk'],
    ['See 𝐟𝐮𝐜𝐤 here', '𝐟𝐮𝐜𝐤'],
    ['zalgo f\u0301u\u0336c\u0489k\u0300 end', 'f\u0301u\u0336c\u0489k\u0300'],
    ['作者就是个傻 逼，对吧', '傻 逼'],
    ['他媽的！', '他媽的'],
    ['emoji 👍🏽 then shhhhit!', 'shhhhit'],
    ['b@$t@rd, who', 'b@$t@rd'],
    ['bіtсh (Cyrillic)', 'bіtсh'],
  ]
  for (const [body, expected] of cases) {
    it(`highlights ${JSON.stringify(expected)}`, () => {
      const r = moderator.check({ body })
      expect(r.verdict).toBe('reject')
      const reason = r.reasons.find((x) => x.code === 'banned_term')!
      expect(reason.start).toBeTypeOf('number')
      expect(body.slice(reason.start, reason.end)).toBe(expected)
    })
  }

  it('reports every occurrence', () => {
    const body = 'shit and more s h i t'
    const r = moderator.check({ body })
    const spans = r.reasons.filter((x) => x.code === 'banned_term').map((x) => body.slice(x.start, x.end))
    expect(spans).toEqual(['shit', 's h i t'])
  })
})

describe('verdicts and reasons', () => {
  it('approves clean text with a high score and no blocking reasons', () => {
    const r = moderator.check({ body: 'Thanks for the clear summary.' })
    expect(r.verdict).toBe('approve')
    expect(r.score).toBeGreaterThan(0.9)
    expect(r.score).toBeLessThanOrEqual(1)
  })

  it('banned → reject with banned_term', () => {
    const r = moderator.check({ body: 'you bastard' })
    expect(r.verdict).toBe('reject')
    expect(r.reasons[0]).toMatchObject({ code: 'banned_term', term: 'bastard' })
  })

  it('suspect → hold with suspect_term', () => {
    const r = moderator.check({ body: 'What a stupid idea' })
    expect(r.verdict).toBe('hold')
    expect(r.reasons.map((x) => x.code)).toContain('suspect_term')
    expect(moderator.check({ body: '这个作者是脑 残' }).verdict).toBe('hold')
  })

  it('spam term → spam with spam_term', () => {
    expect(moderator.check({ body: 'cheap v1agra here' }).verdict).toBe('spam')
    expect(moderator.check({ body: '代開發票 请联系' }).verdict).toBe('spam')
    expect(moderator.check({ body: '加 微 信 了解' }).reasons[0].code).toBe('spam_term')
  })

  it('banned wins over spam and suspect', () => {
    expect(moderator.check({ body: 'stupid casino shit' }).verdict).toBe('reject')
  })

  it('more links than maxLinks → hold with too_many_links', () => {
    const r = moderator.check({ body: 'Sources: https://a.example/x and https://b.example/y' })
    expect(r.verdict).toBe('hold')
    expect(r.reasons.map((x) => x.code)).toContain('too_many_links')
    expect(moderator.check({ body: 'Source: https://a.example/x' }).verdict).toBe('approve')
    const strict = createModerator({ ...POLICY, maxLinks: 0 })
    expect(strict.check({ body: 'Source: https://a.example/x' }).verdict).toBe('hold')
  })

  it('links plus spam signals → spam', () => {
    expect(moderator.check({ body: 'BEST DEALS EVER CLICK NOW www.deals.example' }).verdict).toBe('spam') // shouting
    expect(moderator.check({ body: 'Amazing offer!!!! visit deals.example' }).verdict).toBe('spam') // repeated chars
    expect(moderator.check({ body: 'https://x.example/q' }).verdict).toBe('spam') // link only
    expect(moderator.check({ body: 'see deals[.]example now' }).verdict).toBe('spam') // obfuscated
    expect(moderator.check({ body: 'Nice post', authorName: 'Cheap Pills www.pills.example' }).verdict).toBe('hold')
    expect(moderator.check({ body: 'Nice post http://a.example', authorName: 'www.pills.example' }).verdict).toBe('spam')
    expect(moderator.check({ body: 'Call 13800138000 now http://a.example' }).verdict).toBe('spam') // contact
  })

  it('spam terms and banned terms in the name field', () => {
    expect(moderator.check({ body: 'Nice post', authorName: 'casino king' }).verdict).toBe('spam')
    expect(moderator.check({ body: 'Nice post', authorName: 'f u c k' }).verdict).toBe('reject')
    expect(moderator.check({ body: 'Nice post', authorName: 'Dick Van Dyke' }).verdict).toBe('approve')
  })

  it('empty after normalisation → reject with empty', () => {
    for (const body of ['', '   ', '\u200b\u200b', '\u2060\ufeff \u00ad', '\n\n']) {
      const r = moderator.check({ body })
      expect(r.verdict).toBe('reject')
      expect(r.reasons[0].code).toBe('empty')
    }
    expect(moderator.check({ body: '👍' }).verdict).toBe('approve')
  })

  it('every non-approve verdict carries a known reason code', () => {
    const bodies = ['shit', 'stupid', 'viagra', 'a.example b.example c.example', '', 'https://x.example', '草泥马']
    for (const body of bodies) {
      const r = moderator.check({ body })
      expect(r.verdict).not.toBe('approve')
      expect(r.reasons.length).toBeGreaterThan(0)
      for (const reason of r.reasons) expect(REASON_CODES).toContain(reason.code)
      expect(r.score).toBeGreaterThanOrEqual(0)
      expect(r.score).toBeLessThanOrEqual(1)
    }
  })

  it('allowTerms cancel matches they contain', () => {
    const m = createModerator({ bannedTerms: ['cunt', '操'], allowTerms: ['scunthorpe', '操作'] })
    expect(m.check({ body: 'S C U N T H O R P E' }).verdict).toBe('approve')
    expect(m.check({ body: '操作系统' }).verdict).toBe('approve')
    expect(m.check({ body: '操他' }).verdict).toBe('reject')
    expect(m.check({ body: 'cunt' }).verdict).toBe('reject')
    const village = createModerator({ bannedTerms: ['fuck'], allowTerms: ['Fucking, Austria'] })
    expect(village.check({ body: 'I visited Fucking, Austria.' }).verdict).toBe('approve')
    expect(village.check({ body: 'fucking hell' }).verdict).toBe('reject')
  })

  it('multi-word terms and terms with symbols', () => {
    const m = createModerator({ bannedTerms: ['son of a bitch', 'c++', '$$$', 'f*ck'] })
    expect(m.check({ body: 'that SON  OF A ＢＩＴＣＨ' }).verdict).toBe('reject')
    expect(m.check({ body: 'I write C++ daily' }).verdict).toBe('reject')
    expect(m.check({ body: 'I write C daily' }).verdict).toBe('approve')
    expect(m.check({ body: 'make $$$ fast' }).verdict).toBe('reject')
    expect(m.check({ body: 'oh f*ck' }).verdict).toBe('reject')
  })

  it('ignores terms that normalise to nothing', () => {
    const m = createModerator({ bannedTerms: ['\u200b', '  ', 'bad'] })
    expect(m.ignoredTerms).toEqual(['\u200b'])
    expect(m.check({ body: 'nothing here' }).verdict).toBe('approve')
  })
})

describe('link detection', () => {
  const count = (s: string) => findLinks(s).length
  it('finds URLs, www hosts, bare domains and obfuscated forms', () => {
    expect(count('go to http://a.example/x now')).toBe(1)
    expect(count('https://a.b.example?q=1')).toBe(1)
    expect(count('www.win.example')).toBe(1)
    expect(count('visit spam.com today')).toBe(1)
    expect(count('visit spam[.]com or spam(dot)net')).toBe(2)
    expect(count('hxxp://evil.example/p')).toBe(1)
    expect(count('hxxps[:]//evil.example/p')).toBe(1)
    expect(count('请访问spam.cn立即')).toBe(1)
    expect(count('bit.ly/abc')).toBe(1)
    expect(findLinks('see example[.]com')[0].obfuscated).toBe(true)
  })
  it('does not count ordinary dotted text', () => {
    expect(count('e.g. this, i.e. that')).toBe(0)
    expect(count('f.u.c.k and a.s.s.h.o.l.e')).toBe(0)
    expect(count('Pi is 3.14 and v2.0 shipped.')).toBe(0)
    expect(count('The U.S. and the U.K. agreed.')).toBe(0)
    expect(count('End of sentence.Next one')).toBe(0)
    expect(count('mail me at bob@example.com')).toBe(0)
  })
  it('counts full-width and invisible-laced links', () => {
    expect(moderator.check({ body: 'ｗｗｗ．ａ．ｃｏｍ and ｗｗｗ．ｂ．ｃｏｍ' }).verdict).toBe('hold')
    expect(moderator.check({ body: 'www.a\u200b.com and www.b\u200b.com' }).verdict).toBe('hold')
  })
})
