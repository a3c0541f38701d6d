import { describe, expect, it } from 'vitest'
import { hostMatchesDomain, normalizeDomain, parseHttpUrl, sourceDomains, urlMatchesDomains } from '../../src/attribution'

describe('urlMatchesDomains (Source.domains = [example.com])', () => {
  const domains = ['example.com']
  it.each([
    ['https://example.com/a', true, 'exact host'],
    ['http://example.com/a', true, 'http'],
    ['https://www.example.com/a', true, 'subdomain'],
    ['https://a.b.example.com/a', true, 'deep subdomain'],
    ['https://EXAMPLE.COM/a', true, 'uppercase host'],
    ['https://Www.Example.Com/a', true, 'mixed case subdomain'],
    ['https://example.com./a', true, 'trailing dot'],
    ['https://example.com:8443/a', true, 'port'],
    ['https://example。com/a', true, 'ideographic full stop (IDNA maps to .)'],
    ['https://example.com.evil.net/a', false, 'suffix lookalike'],
    ['https://notexample.com/a', false, 'prefix lookalike'],
    ['https://example.co/a', false, 'different TLD'],
    ['https://example.com@evil.net/', false, 'userinfo trick'],
    ['https://evil.net/example.com', false, 'domain in path'],
    ['https://evil.net/?u=https://example.com', false, 'domain in query'],
    ['https://evil.net#example.com', false, 'domain in fragment'],
    ['ftp://example.com/a', false, 'ftp'],
    ['javascript:alert(1)//example.com', false, 'javascript:'],
    ['example.com/a', false, 'no scheme'],
    ['', false, 'empty'],
  ])('%s → %s (%s)', (url, expected) => {
    expect(urlMatchesDomains(url, domains)).toBe(expected)
  })

  it('IDN domains match in Unicode or punycode form', () => {
    expect(urlMatchesDomains('https://新闻.例子.中国/a', ['例子.中国'])).toBe(true)
    expect(urlMatchesDomains('https://xn--fsqu00a.xn--fsqu00a.xn--fiqs8s/a', ['例子.中国'])).toBe(true)
    expect(urlMatchesDomains('https://新闻.例子.中国/a', ['xn--fsqu00a.xn--fiqs8s'])).toBe(true)
    expect(urlMatchesDomains('https://例子.中国.evil.net/a', ['例子.中国'])).toBe(false)
  })

  it('a listed www. domain also covers its bare parent, but not siblings', () => {
    expect(urlMatchesDomains('https://abc.net.au/x', ['www.abc.net.au'])).toBe(true)
    expect(urlMatchesDomains('https://www.abc.net.au/x', ['www.abc.net.au'])).toBe(true)
    expect(urlMatchesDomains('https://iview.abc.net.au/x', ['www.abc.net.au'])).toBe(false)
  })

  it('a public suffix listed as a domain matches nothing', () => {
    expect(urlMatchesDomains('https://evil.com.au/x', ['com.au'])).toBe(false)
    expect(urlMatchesDomains('https://evil.com/x', ['com'])).toBe(false)
  })

  it('IP hosts match exactly only', () => {
    expect(hostMatchesDomain('10.0.0.1', '10.0.0.1')).toBe(true)
    expect(hostMatchesDomain('1.10.0.0.1', '0.0.1')).toBe(false)
  })
})

describe('parseHttpUrl', () => {
  it.each([
    ['', 'missing'],
    ['   ', 'missing'],
    ['not a url', 'invalid'],
    ['https://', 'invalid'],
    ['mailto:a@example.com', 'protocol'],
    ['https://user:pw@example.com/', 'credentials'],
    ['https://evil.net@example.com/', 'credentials'],
  ])('%j → %s', (url, reason) => {
    const r = parseHttpUrl(url)
    expect(r.ok).toBe(false)
    if (!r.ok) expect(r.reason).toBe(reason)
  })
  it('returns the lowercase host without trailing dot', () => {
    const r = parseHttpUrl('HTTPS://WWW.Example.COM.:80/Path')
    expect(r.ok && r.host).toBe('www.example.com')
  })
})

describe('normalizeDomain / sourceDomains', () => {
  it.each([
    ['example.com', 'example.com'],
    [' Example.COM. ', 'example.com'],
    ['https://www.example.com/news?x=1', 'www.example.com'],
    ['*.example.com', 'example.com'],
    ['.example.com', 'example.com'],
    ['例子.中国', 'xn--fsqu00a.xn--fiqs8s'],
    ['', null],
    ['not a domain', null],
    ['localhost', 'localhost'],
    ['nodot', null],
    ['a..b.com', null],
    ['user@example.com', null],
    ['com', null],
    ['com.au', null],
    ['CO.UK.', null],
    ['github.io', null],
    ['abc.net.au', 'abc.net.au'],
  ])('%j → %j', (input, expected) => {
    expect(normalizeDomain(input)).toBe(expected)
  })

  it('accepts string or {domain} rows and de-duplicates', () => {
    expect(sourceDomains({ domains: ['Example.com', { domain: 'example.com.' }, 'b.org', ''] })).toEqual(['example.com', 'b.org'])
    expect(sourceDomains(null)).toEqual([])
  })
})
