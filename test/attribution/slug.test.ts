import fc from 'fast-check'
import { describe, expect, it } from 'vitest'
import { slugify } from '../../src/attribution'

const SLUG_RE = /^[a-z0-9]+(-[a-z0-9]+)*$/

describe('slugify', () => {
  it.each([
    ['澳洲央行宣布加息', 'ao-zhou-yang-hang-xuan-bu-jia-xi'],
    ['澳洲央行宣佈加息', 'ao-zhou-yang-hang-xuan-bu-jia-xi'],
    ['臺灣銀行升息', 'tai-wan-yin-hang-sheng-xi'],
    ['中央行政机构改革', 'zhong-yang-xing-zheng-ji-gou-gai-ge'],
    ['绿色能源', 'lv-se-neng-yuan'],
    ['重庆银行行长', 'chong-qing-yin-hang-hang-zhang'],
    ['iPhone 16发布，苹果股价涨3%', 'iphone-16-fa-bu-ping-guo-gu-jia-zhang-3'],
    ['A股大涨', 'a-gu-da-zhang'],
    ['世界卫生组织（WHO）宣布', 'shi-jie-wei-sheng-zu-zhi-who-xuan-bu'],
    ['RBA raises cash rate to 4.35%', 'rba-raises-cash-rate-to-4-35'],
    ['Trump’s “tariff” plan: what’s next?', 'trumps-tariff-plan-whats-next'],
    ["Don't Panic", 'dont-panic'],
    ['Café crème à Paris', 'cafe-creme-a-paris'],
    ['Straße in Zürich', 'strasse-in-zurich'],
    ['Ｆｕｌｌｗｉｄｔｈ　ＡＢＣ１２３', 'fullwidth-abc123'],
    ['  --Hello__World--  ', 'hello-world'],
    ['🎉 新年快乐 🎉', 'xin-nian-kuai-le'],
    ['🎉🎉🎉', ''],
    ['', ''],
    ['   ', ''],
    ['Ελλάδα', ''],
  ])('%j → %j', (title, expected) => {
    expect(slugify(title)).toBe(expected)
  })

  it('null/undefined → empty', () => {
    expect(slugify(null)).toBe('')
    expect(slugify(undefined)).toBe('')
  })

  it('caps length at 80, cutting at a hyphen', () => {
    const title = '世界卫生组织宣布新冠疫情不再构成国际关注的突发公共卫生事件全球各国将逐步调整防控策略'
    const s = slugify(title)
    expect(s.length).toBeLessThanOrEqual(80)
    expect(s).toBe('shi-jie-wei-sheng-zu-zhi-xuan-bu-xin-guan-yi-qing-bu-zai-gou-cheng-guo-ji-guan')
    expect(slugify(title, { maxLength: 80 }).endsWith('-')).toBe(false)
    expect(slugify('a'.repeat(200))).toBe('a'.repeat(80))
    expect(slugify('one two three', { maxLength: 9 })).toBe('one-two')
    expect(slugify('one two three', { maxLength: 7 })).toBe('one-two')
  })

  it('is stable: same input, same output', () => {
    const t = '澳洲央行宣布加息 RBA hikes'
    expect(slugify(t)).toBe(slugify(t))
    expect(slugify(t)).toBe('ao-zhou-yang-hang-xuan-bu-jia-xi-rba-hikes')
  })

  it('property: output is a valid slug or empty, ≤ maxLength, and idempotent', () => {
    const chars = fc.constantFrom(...'abcXYZ019 -_.,!?/\'’中国澳洲央行银行加息臺灣😀éßＡ　\n\t'.split(''))
    fc.assert(
      fc.property(fc.oneof(fc.string(), fc.string({ unit: 'grapheme' }), fc.array(chars).map((a) => a.join(''))), fc.integer({ min: 1, max: 120 }), (title, maxLength) => {
        const s = slugify(title, { maxLength })
        expect(s === '' || SLUG_RE.test(s)).toBe(true)
        expect(s.length).toBeLessThanOrEqual(maxLength)
        expect(slugify(s, { maxLength })).toBe(s)
      }),
      { numRuns: 500 },
    )
  })
})
