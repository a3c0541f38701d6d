import { describe, expect, it } from 'vitest'
import { computeMediaCredit, isRightsWindowExpired, rightsWindowEnd } from '../../src/attribution'

describe('computeMediaCredit', () => {
  it.each([
    ['source wins over creator', { creator: '张三' }, { name: '路透社', license: 'wire' }, '图片来源: 路透社'],
    ['creator when no source', { creator: '张三' }, null, '图片来源: 张三'],
    ['nothing → empty', { creator: '  ' }, null, ''],
    ['source without a name falls back to creator', { creator: 'Jo' }, { name: '' }, '图片来源: Jo'],
  ] as const)('%s', (_n, media, source, expected) => {
    expect(computeMediaCredit(media, source).creditLine).toBe(expected)
  })

  it('licence and notice from the source', () => {
    expect(computeMediaCredit({}, { name: 'Wikimedia', license: 'cc-by-sa', copyrightHolder: 'J. Smith' })).toEqual({
      creditLine: '图片来源: Wikimedia',
      license: 'cc-by-sa',
      licenseUrl: 'https://creativecommons.org/licenses/by-sa/4.0/',
      copyrightNotice: '© J. Smith',
    })
  })

  it("the media's own licence/notice are used when there is no source", () => {
    expect(computeMediaCredit({ creator: 'Jo', license: 'cc-by', copyrightNotice: '© 2020 Jo Bloggs' }, null)).toEqual({
      creditLine: '图片来源: Jo',
      license: 'cc-by',
      licenseUrl: 'https://creativecommons.org/licenses/by/4.0/',
      copyrightNotice: '© 2020 Jo Bloggs',
    })
    expect(computeMediaCredit({ creator: 'Jo', license: 'free text' }, null).license).toBeNull()
  })

  it('custom template', () => {
    expect(computeMediaCredit({ creator: 'Jo' }, null, { template: 'Photo: {source}' }).creditLine).toBe('Photo: Jo')
  })
})

describe('rights window', () => {
  const art = { origin: 'republished', publishedAt: '2025-01-01T00:00:00.000Z' }
  it.each([
    [art, { rightsWindowDays: 30 }, '2025-01-31T00:00:00.000Z'],
    [art, { rightsWindowDays: 1 }, '2025-01-02T00:00:00.000Z'],
    [art, { rightsWindowDays: null }, null],
    [art, { rightsWindowDays: 0 }, null],
    [art, null, null],
    [{ ...art, publishedAt: null }, { rightsWindowDays: 30 }, null],
    [{ ...art, origin: 'original' }, { rightsWindowDays: 30 }, null],
    [{ ...art, publishedAt: new Date('2025-01-01T00:00:00Z') }, { rightsWindowDays: 365 }, '2026-01-01T00:00:00.000Z'],
  ])('%o + %o → %s', (a, s, expected) => {
    expect(rightsWindowEnd(a, s)?.toISOString() ?? null).toBe(expected)
  })

  it.each([
    ['2025-01-30T23:59:59.999Z', false],
    ['2025-01-31T00:00:00.000Z', true],
    ['2025-06-01T00:00:00.000Z', true],
  ])('expired at %s → %s', (now, expected) => {
    expect(isRightsWindowExpired(art, { rightsWindowDays: 30 }, new Date(now))).toBe(expected)
  })

  it('never expires without a window', () => {
    expect(isRightsWindowExpired(art, { rightsWindowDays: null }, new Date('2100-01-01'))).toBe(false)
  })
})
