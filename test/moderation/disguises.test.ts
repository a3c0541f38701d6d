import { describe, expect, it } from 'vitest'
import {
  BANNED_EN,
  BANNED_ZH,
  LOOKALIKES,
  circled,
  fullwidth,
  joinWith,
  lookalike,
  mathBold,
  moderator,
  squared,
  verdict,
} from './helpers'

const TEMPLATES = ['What a X take.', 'X, honestly.', 'They called him a X!', '这人就是X。', 'X', '"X"']
const ZH_TEMPLATES = ['这人就是X。', 'X，这种新闻也发？', 'He wrote X here', 'X']

function expectAllRejected(make: (term: string) => string, terms: string[], templates = TEMPLATES): void {
  const missed: string[] = []
  for (const term of terms) {
    for (const tpl of templates) {
      const body = tpl.replace('X', make(term))
      if (verdict(body) !== 'reject') missed.push(body)
    }
  }
  expect(missed).toEqual([])
}

const INVISIBLE: Record<string, string> = {
  zwsp: '\u200b', zwnj: '\u200c', zwj: '\u200d', softHyphen: '\u00ad', wordJoiner: '\u2060', bom: '\ufeff',
  mongolianVowelSep: '\u180e', tag: '\u{e0020}', variationSelector: '\ufe0f', vs17: '\u{e0100}',
  cgj: '\u034f', lrm: '\u200e', invisibleTimes: '\u2062', hangulFiller: '\u3164',
}
const SEPARATORS: Record<string, string> = {
  space: ' ', dot: '.', dash: '-', underscore: '_', slash: '/', tilde: '~', star: '*', plus: '+', newline: '\n',
  crlf: '\r\n', spacedDot: ' . ', bullet: '•', middleDot: '·', fullwidthComma: '，', ideographicSpace: '\u3000',
  nbsp: '\u00a0', emoji: '🔥', pipe: ' | ', colon: ':', comma: ',', backslash: '\\', hash: '#', tab: '\t',
}

describe('disguise families: every banned term is rejected', () => {
  it('plain, upper case, mixed case', () => {
    expectAllRejected((t) => t, BANNED_EN)
    expectAllRejected((t) => t, BANNED_ZH, ZH_TEMPLATES)
    expectAllRejected((t) => t.toUpperCase(), BANNED_EN)
    expectAllRejected((t) => [...t].map((c, i) => (i % 2 ? c.toUpperCase() : c)).join(''), BANNED_EN)
  })

  for (const [name, ch] of Object.entries(INVISIBLE)) {
    it(`invisible character between letters: ${name}`, () => {
      expectAllRejected((t) => joinWith(t, ch), BANNED_EN)
      expectAllRejected((t) => joinWith(t, ch), BANNED_ZH, ZH_TEMPLATES)
    })
  }

  for (const [name, sep] of Object.entries(SEPARATORS)) {
    it(`separator between letters: ${name}`, () => {
      expectAllRejected((t) => joinWith(t, sep), BANNED_EN)
      expectAllRejected((t) => joinWith(t, sep), BANNED_ZH, ZH_TEMPLATES)
    })
  }

  for (const [name, alphabet] of Object.entries(LOOKALIKES)) {
    it(`look-alike letters: ${name}`, () => {
      expectAllRejected((t) => lookalike(t, alphabet), BANNED_EN)
    })
  }

  it('full-width, math bold, circled, squared, regional indicators', () => {
    expectAllRejected(fullwidth, BANNED_EN)
    expectAllRejected(fullwidth, BANNED_ZH, ZH_TEMPLATES)
    expectAllRejected(mathBold, BANNED_EN)
    expectAllRejected(circled, BANNED_EN)
    expectAllRejected(squared, BANNED_EN)
    expectAllRejected((t) => [...t].map((c) => String.fromCodePoint(0x1f1e6 + c.charCodeAt(0) - 97)).join('\u200b'), BANNED_EN)
  })

  it('combining marks: accents, overlays, zalgo', () => {
    expectAllRejected((t) => [...t].map((c) => c + '\u0301').join(''), BANNED_EN)
    expectAllRejected((t) => [...t].map((c) => c + '\u0336').join(''), BANNED_EN)
    expectAllRejected((t) => [...t].map((c) => c + '\u0338\u0317\u035c\u0363\u0489').join(''), BANNED_EN)
    expectAllRejected((t) => [...t].map((c) => c + '\u0336').join(''), BANNED_ZH, ZH_TEMPLATES)
  })

  it('leetspeak', () => {
    const leetA = (t: string) => t.replace(/a/g, '4').replace(/e/g, '3').replace(/i/g, '1').replace(/o/g, '0').replace(/s/g, '5').replace(/t/g, '7')
    const leetB = (t: string) => t.replace(/a/g, '@').replace(/s/g, '$').replace(/i/g, '!').replace(/l/g, '|')
    const leetC = (t: string) => t.replace(/i/g, '|').replace(/o/g, '0').replace(/l/g, '1').replace(/t/g, '+')
    expectAllRejected(leetA, BANNED_EN)
    expectAllRejected(leetB, BANNED_EN)
    expectAllRejected(leetC, BANNED_EN)
  })

  it('repeated letters', () => {
    expectAllRejected((t) => t.replace(/[aeiou]/, (m) => m.repeat(6)), BANNED_EN)
    expectAllRejected((t) => [...t].map((c) => c + c + c).join(''), BANNED_EN)
    expectAllRejected((t) => joinWith(t.replace(/[aeiou]/, (m) => m.repeat(3)), ' '), BANNED_EN)
  })

  it('Traditional Chinese forms', () => {
    for (const body of ['這人就是傻逼', '操你媽', '他媽的，真是', '草泥馬', '賤人！', '王 八 蛋', '他\u200b媽\u200b的', '操·你·媽']) {
      expect(verdict(body), body).toBe('reject')
    }
  })

  it('combinations of disguises', () => {
    expect(verdict('ｆ\u200b.ü.с\u00ad.K')).toBe('reject')
    expect(verdict('Ꮪ Ꮋ Ꭵ Ꭲ')).toBe('reject')
    expect(verdict('b!+ch3$')).toBe('reject')
    expect(verdict('$\u2060h\u2060!\u2060t')).toBe('reject')
    expect(verdict('賤\n人')).toBe('reject')
  })

  it('inflections and compounds of Latin terms', () => {
    for (const body of ['fucking hell', 'bitches', 'total bullshit', 'shitty', 'motherfuckers', 'f.u.c.k.i.n.g']) {
      expect(verdict(body), body).toBe('reject')
    }
  })
})

describe('false-positive controls', () => {
  const clean = [
    'I grew up in Scunthorpe and this rings true.',
    'Shiitake mushrooms are cheaper at the market now.',
    'Matsushita was the old name of Panasonic.',
    'Bitche is a commune in the Moselle department.',
    'Slutsk is a town in Belarus.',
    'Dick Van Dyke was in that film.',
    'The Dickens novel was adapted again.',
    'Hancock Street is closed today.',
    'My cocktail recipe uses grapefruit.',
    'Assess the evidence before judging.',
    'The class assignment covered this exact topic.',
    'He plays bass in a band in Sussex.',
    'The analyst from Essex made a fair point.',
    'Cockatoos woke me up at 5am.',
    'The cockpit photos are amazing.',
    'The bastion held for a week.',
    'We met at 3pm, paid $15 and left at 7:30.',
    'The class of 2011 had 4 reunions.',
    'A s a result, we won.',
    'I said hi to Tom.',
    'Passionate assistants ship it daily.',
    'The shuttle was late again.',
    'She is a title holder since 1987.',
    'Our hit list for the weekend is short.',
    'Shitake is a common misspelling of the mushroom.',
    '操作系统的更新确实很重要。',
    '傻瓜相机现在很少见了。',
    '我们正在逼近真相。',
    '你妈妈做的饭一定很好吃。',
    '王八是一种动物，蛋白质很丰富。',
    '操场上有很多学生。',
    '他去死海旅游了吧。',
    '这家店在贱卖库存。',
    '新聞寫得很客觀。',
    '請問原文連結在哪裡？',
    'Москва — столица России.',
    'Αθήνα είναι όμορφη.',
    '👍👍 great piece 🎉',
  ]
  for (const body of clean) {
    it(`approves: ${body}`, () => {
      expect(moderator.check({ body }).verdict).toBe('approve')
    })
  }
})
