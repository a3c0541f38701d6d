import { describe, expect, it } from 'vitest'
import { parseCreditTemplate, renderCreditLine, validateCreditTemplate } from '../../src/attribution'

describe('parseCreditTemplate', () => {
  it('splits text and placeholders', () => {
    const p = parseCreditTemplate('来源: {source} · {author}')
    expect(p.tokens).toEqual([
      { type: 'text', value: '来源: ' },
      { type: 'placeholder', name: 'source', raw: '{source}' },
      { type: 'text', value: ' · ' },
      { type: 'placeholder', name: 'author', raw: '{author}' },
    ])
    expect(p.placeholders).toEqual(['source', 'author'])
    expect(p.unknown).toEqual([])
    expect(p.balanced).toBe(true)
  })
  it('flags unbalanced braces and keeps them as text', () => {
    expect(parseCreditTemplate('{source').balanced).toBe(false)
    expect(parseCreditTemplate('source}').balanced).toBe(false)
    expect(parseCreditTemplate('{{source}}').balanced).toBe(false)
    expect(parseCreditTemplate(null).tokens).toEqual([])
  })
})

describe('validateCreditTemplate', () => {
  it.each(['来源: {source}', '{source} · {author}', 'Source: {source} ({url})', '新华社'])('accepts %s', (t) => {
    expect(validateCreditTemplate(t)).toBeNull()
  })

  it.each([
    ['', 'credit-template-empty', []],
    ['   ', 'credit-template-empty', []],
    [null, 'credit-template-empty', []],
    ['来源: {source', 'credit-template-unbalanced', []],
    ['来源: source}', 'credit-template-unbalanced', []],
    ['来源: {src}', 'credit-template-unknown-placeholder', ['src']],
    ['{source} {foo} {bar} {foo}', 'credit-template-unknown-placeholder', ['foo', 'bar']],
    ['{}', 'credit-template-unknown-placeholder', ['']],
  ] as const)('%j → %s', (t, code, placeholders) => {
    const err = validateCreditTemplate(t)
    expect(err?.code).toBe(code)
    expect(err?.placeholders).toEqual(placeholders)
  })

  it('names every unknown placeholder in the message', () => {
    const err = validateCreditTemplate('{source} {foo} {bar}')!
    expect(err.message).toBe('Unknown placeholders {foo}, {bar}. Allowed placeholders: {source}, {author}, {url}.')
    expect(validateCreditTemplate('来源: {src}')!.message).toBe('Unknown placeholder {src}. Allowed placeholders: {source}, {author}, {url}.')
  })

  it('suggests the intended placeholder for near misses', () => {
    expect(validateCreditTemplate('{Source}')!.message).toContain('Did you mean {source} instead of {Source}?')
    expect(validateCreditTemplate('{ author }')!.message).toContain('Did you mean {author} instead of { author }?')
    expect(validateCreditTemplate('{link}')!.message).toContain('Did you mean {url} instead of {link}?')
  })
})

describe('renderCreditLine', () => {
  const all = { source: '新华社', author: '张三', url: 'https://xinhua.net/a/1' }
  it.each([
    ['来源: {source}', all, '来源: 新华社'],
    ['来源: {source}', { source: '新华社' }, '来源: 新华社'],
    ['来源: {source}', {}, ''],
    ['{source} · {author}', all, '新华社 · 张三'],
    ['{source} · {author}', { source: '新华社' }, '新华社'],
    ['{source} · {author}', { source: '新华社', author: '   ' }, '新华社'],
    ['{author} · {source}', { source: '新华社' }, '新华社'],
    ['{source} · {author} · {url}', { source: '新华社', url: 'https://x.cn/1' }, '新华社 · https://x.cn/1'],
    ['{source} | {author} | {url}', { source: '新华社' }, '新华社'],
    ['{author}/{source}', { source: 'AP' }, 'AP'],
    ['{source}，{author}', { source: '新华社' }, '新华社'],
    ['来源: {source}（作者: {author}）', { source: '新华社' }, '来源: 新华社'],
    ['来源: {source}（作者: {author}）', { source: '新华社', author: '张三' }, '来源: 新华社（作者: 张三）'],
    ['Source: {source} ({url})', { source: 'AP' }, 'Source: AP'],
    ['Source: {source} ({author}, {url})', { source: 'AP', url: 'https://ap.org/x' }, 'Source: AP (https://ap.org/x)'],
    ['Source: {source} ({author}, {url})', { source: 'AP', author: 'Jo' }, 'Source: AP (Jo)'],
    ['Source: {source} [{author}]', { source: 'AP' }, 'Source: AP'],
    ['By {author}, {source}', { source: 'AP' }, 'AP'],
    ['来源: {source} 原文: {url}', { source: 'AP' }, '来源: AP'],
    ['来源: {source} 原文: {url}', { source: 'AP', url: 'https://ap.org/x' }, '来源: AP 原文: https://ap.org/x'],
    ['{source}（{author} 报道）| 原文链接: {url}', { source: '路透社' }, '路透社'],
    ['(AP) {source}', { source: 'AP' }, '(AP) AP'],
    ['{source} ·', { source: 'AP' }, 'AP'],
    ['  {source}   via   wire  ', { source: 'AP' }, 'AP via wire'],
  ] as const)('%j with %o → %j', (template, values, expected) => {
    expect(renderCreditLine(template, values)).toBe(expected)
  })

  it('collapses whitespace in values and never re-expands placeholders inside values', () => {
    expect(renderCreditLine('{source}', { source: '  Reuters \n Agency ' })).toBe('Reuters Agency')
    expect(renderCreditLine('{source} · {author}', { source: '{author}', author: 'X' })).toBe('{author} · X')
  })

  it('falls back to the default template when the template is empty', () => {
    expect(renderCreditLine('', { source: 'AP' })).toBe('来源: AP')
    expect(renderCreditLine(null, { source: 'AP' })).toBe('来源: AP')
  })

  it('renders unknown placeholders as nothing', () => {
    expect(renderCreditLine('{source} · {foo}', { source: 'AP' })).toBe('AP')
  })

  it('never leaves dangling separators or empty brackets for any subset of values', () => {
    const templates = ['{source} · {author} · {url}', '来源: {source}（{author}）', 'Source: {source} ({author}, {url})', '{author} / {source} / {url}']
    const subsets = [{}, { source: 'S' }, { author: 'A' }, { url: 'U' }, { source: 'S', author: 'A' }, { source: 'S', url: 'U' }, { author: 'A', url: 'U' }]
    for (const t of templates) {
      for (const v of subsets) {
        const out = renderCreditLine(t, v)
        expect(out, `${t} ${JSON.stringify(v)}`).not.toMatch(/^[\s·/|,，]|[\s·/|,，:：]$|\(\)|（）|· ·|\/ \/|\( |, \)/)
      }
    }
  })
})
