import { describe, expect, it } from 'vitest'
import { createModerator, type ModerationReason } from '../../src/moderation/index'
import { POLICY, moderator } from './helpers'

/** the reason that names `term`, and the original text it highlights */
function found(body: string, term: string, m = moderator): { verdict: string; reason?: ModerationReason; text?: string } {
  const r = m.check({ body })
  const reason = r.reasons.find((x) => x.term === term)
  return { verdict: r.verdict, reason, text: reason && reason.start !== undefined ? body.slice(reason.start, reason.end) : undefined }
}

describe('homophones of a listed Chinese term → hold, with the reading and the reader’s characters', () => {
  const cases: [string, string, string][] = [
    ['这篇写得像煞笔一样', '傻逼', '煞笔'],
    ['评论区全是傻比', '傻逼', '傻比'],
    ['楼主槽尼玛', '操你妈', '槽尼玛'],
    ['什么王霸蛋', '王八蛋', '王霸蛋'],
    ['小编真是个剑人', '贱人', '剑人'],
    ['你还是趣死吧', '去死吧', '趣死吧'],
  ]
  for (const [body, term, seen] of cases) {
    it(`${body}`, () => {
      const f = found(body, term)
      expect(f.verdict).toBe('hold')
      expect(f.reason?.code).toBe('possible_term')
      expect(f.reason?.reading).toBe('homophone')
      expect(f.text).toBe(seen)
      expect(f.reason?.detail).toContain(`homophone of ${term}: ${seen}`)
    })
  }

  it('a near-homophone (s/sh) is read too, when one of the term’s characters stays', () => {
    expect(found('楼上就是个傻必', '傻逼').verdict).toBe('hold')
  })

  it('characters that belong to two ordinary words are not the term (沙 + 比例, 去 + 死海)', () => {
    for (const body of ['水泥和沙比例是三比一', '暑假去死海玩了一周', '他们马上就到', '他妈妈做的菜很好吃']) {
      expect(moderator.check({ body }).verdict, body).toBe('approve')
    }
  })
})

describe('pinyin and mixed script → the term’s verdict', () => {
  const cases: [string, string, string, string][] = [
    ['楼主shabi一个', '傻逼', 'shabi', 'pinyin'],
    ['楼主 gou ri de', '狗日的', 'gou ri de', 'pinyin'],
    ['你就是个wang八蛋', '王八蛋', 'wang八蛋', 'mixed'],
    ['赶紧qu死吧', '去死吧', 'qu死吧', 'mixed'],
    ['写的什么，去4吧', '去死吧', '去4吧', 'mixed'],
  ]
  for (const [body, term, seen, reading] of cases) {
    it(`${body}`, () => {
      const f = found(body, term)
      expect(f.verdict).toBe('reject')
      expect(f.reason?.code).toBe('banned_term')
      expect(f.reason?.reading).toBe(reading)
      expect(f.text).toBe(seen)
    })
  }

  it('pinyin in an English sentence is only a guess, and a capitalised word is a name', () => {
    expect(moderator.check({ body: 'honestly caonima' }).verdict).toBe('hold')
    expect(moderator.check({ body: 'We hiked to Shabi village last spring.' }).verdict).toBe('approve')
  })

  it('English words that happen to be pinyin syllables stay English', () => {
    const m = createModerator({ bannedTerms: ['笨蛋'] })
    expect(m.check({ body: 'Ben Dan and his brother' }).verdict).toBe('approve')
    expect(m.check({ body: '你这个bendan' }).verdict).toBe('reject')
  })
})

describe('initials → hold, in a Chinese sentence only', () => {
  it('s b, C.N.M, tmd in Chinese text', () => {
    for (const [body, term, seen] of [
      ['这人就是个s b啊', '傻逼', 's b'],
      ['看完只想说C.N.M', '操你妈', 'C.N.M'],
      ['tmd又涨价了', '他妈的', 'tmd'],
    ] as const) {
      const f = found(body, term)
      expect(f.verdict, body).toBe('hold')
      expect(f.reason?.reading).toBe('initials')
      expect(f.text).toBe(seen)
      expect(f.reason?.detail).toBe(`initials of ${term}: ${seen}`)
    }
  })

  it('the same letters in English text are clean', () => {
    for (const body of ['The SB 1047 debate continues.', 'Our CNM clinic opens Monday.', 'TMD treatment options', 'See section T.M.D. of the report']) {
      expect(moderator.check({ body }).verdict, body).toBe('approve')
    }
  })

  it('letters across a comma are a list, not initials', () => {
    expect(moderator.check({ body: '型号有S,B两种，都不错' }).verdict).toBe('approve')
  })
})

describe('words broken in two or three → hold', () => {
  it('spaces, tabs, line breaks and punctuation inside a term', () => {
    for (const [body, seen] of [
      ['you are a wh ore', 'wh ore'],
      ['bas\ttard of a mayor', 'bas\ttard'],
      ['what a cu\nnt', 'cu\nnt'],
      ['b i tch please', 'b i tch'],
      ['total mo ther fu cker', 'ther fu cker'],
      ['dick-head move', 'dick-head'],
    ]) {
      const r = moderator.check({ body })
      expect(r.verdict, body).not.toBe('approve')
      const spans = r.reasons.filter((x) => x.start !== undefined).map((x) => body.slice(x.start, x.end))
      expect(spans.some((s) => seen.includes(s) || s.includes(seen)), `${body}: ${JSON.stringify(spans)}`).toBe(true)
    }
  })

  it('ordinary phrases whose letters join into a term are clean', () => {
    for (const body of ['I will finish it tomorrow', 'It is a bit chilly', 'Who remembers the flood?', 'Hit the bus stop', 'She was a bit cheeky', 'Who re-elected him?', 'Classic hits only']) {
      expect(moderator.check({ body }).verdict, body).toBe('approve')
    }
  })

  it('the reason names the reading', () => {
    const f = found('what a sl ut', 'slut')
    expect(f.reason?.code).toBe('possible_term')
    expect(f.reason?.detail).toBe('broken word: "sl ut" reads as slut')
  })
})

describe('masked letters', () => {
  it('one hidden letter and one fitting term → the term’s verdict', () => {
    for (const body of ['what a sl*t', 'f@ck this', 'total b#tch']) {
      expect(moderator.check({ body }).verdict, body).toBe('reject')
    }
  })

  it('most letters hidden → hold', () => {
    for (const body of ['what a b***h', 'a real a*****e', 'f*** this']) {
      const r = moderator.check({ body })
      expect(r.verdict, body).toBe('hold')
      expect(r.reasons.find((x) => x.code === 'possible_term')?.reading).toBe('masked')
    }
  })

  it('stars and hashes in ordinary text are clean', () => {
    for (const body of ['Rated 4* on the app store', 'Price: $5 or 2 for $9', 'Use #tags and *emphasis*', 'mail me at info@shop.com', 'See note ** below']) {
      expect(moderator.check({ body }).verdict, body).toBe('approve')
    }
  })
})

describe('symbols as letters', () => {
  it('u written v, with other leet symbols', () => {
    for (const body of ['fv(k off', 'a (vn7 move', 'what 5lv7']) {
      expect(moderator.check({ body }).verdict, body).toBe('reject')
    }
  })
  it('ordinary words with v stay clean', () => {
    for (const body of ['Vintage cars downtown', 'A vast civic plan', 'Very funky music']) {
      expect(moderator.check({ body }).verdict, body).toBe('approve')
    }
  })
})

describe('contact details are spam, a mention is not', () => {
  it('WeChat IDs under its names and look-alikes, QQ numbers, handles → spam', () => {
    for (const body of ['兼职招聘 加威信：abc_2024', '代购加V: shop8899', '徽信 vip_7788 送礼', '企鹅 12345678 资料分享', 'message me on telegram @deals_4u', 'WhatsApp +61 412 345 678 cheap flights']) {
      const r = moderator.check({ body })
      expect(r.verdict, body).toBe('spam')
      expect(r.reasons.some((x) => x.code === 'contact_info'), body).toBe(true)
    }
  })

  it('a phone number after a cue word → hold, with its offsets', () => {
    const body = '贷款找我 电话 0400 123 456'
    const r = moderator.check({ body })
    expect(r.verdict).toBe('hold')
    const c = r.reasons.find((x) => x.code === 'contact_info')!
    expect(body.slice(c.start, c.end)).toBe('0400 123 456')
  })

  it('ordinary mentions are clean', () => {
    for (const body of ['我在微信群里看到有人转发', '我的QQ邮箱收不到验证码', '电话区号是03吗？', '2000-2010年的数据', '票价 1200-1400 元', 'Version v2 is out', '哈哈2333333']) {
      expect(moderator.check({ body }).verdict, body).toBe('approve')
    }
  })

  it('spelled-out domains are obfuscated links', () => {
    for (const body of ['领红包 www . luck88 . net', '注册就送 luck88点com', 'free coins at coinfree dot io']) {
      expect(moderator.check({ body }).verdict, body).toBe('spam')
    }
  })
})

describe('a switch per reading', () => {
  const off = createModerator({
    ...POLICY,
    readings: { homophones: false, pinyin: false, initials: false, brokenWords: false, masked: false, contacts: false },
  })
  it('each reading can be turned off', () => {
    for (const body of ['这种啥逼', '楼主shabi', '这人就是个s b啊', 'you are a wh ore', 'a real a*****e', '加威信：abc_2024']) {
      expect(moderator.check({ body }).verdict, body).not.toBe('approve')
      expect(off.check({ body }).verdict, body).toBe('approve')
    }
  })
  it('one off leaves the others on', () => {
    const noHomophones = createModerator({ ...POLICY, readings: { homophones: false } })
    expect(noHomophones.check({ body: '这种啥逼' }).verdict).toBe('approve')
    expect(noHomophones.check({ body: '楼主shabi' }).verdict).toBe('reject')
  })
  it('the term as written is read whatever the switches', () => {
    expect(off.check({ body: '这种傻逼' }).verdict).toBe('reject')
  })
})
