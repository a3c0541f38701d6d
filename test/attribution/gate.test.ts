import { describe, expect, it } from 'vitest'
import { checkImagePermissions, checkPublishGate, validateSource, type ArticleLike, type FailureCode } from '../../src/attribution'
import { article, NOW, source } from './fixtures'

const codes = (a: ArticleLike, s = source() as ReturnType<typeof source> | null) => checkPublishGate(a, s, NOW).map((f) => f.code)

describe('checkPublishGate', () => {
  it('passes a complete republished article', () => {
    expect(checkPublishGate(article(), source(), NOW)).toEqual([])
  })

  it('passes a complete translated article when translation is permitted', () => {
    expect(checkPublishGate(article({ origin: 'translated' }), source(), NOW)).toEqual([])
  })

  it('passes original articles without source fields', () => {
    expect(checkPublishGate({ title: 'x', origin: 'original' }, null, NOW)).toEqual([])
    expect(checkPublishGate({ title: 'x' }, null, NOW)).toEqual([])
  })

  type Row = [string, ArticleLike, ReturnType<typeof source> | null, { field: string; code: FailureCode; message: string }]
  const rows: Row[] = [
    ['no source', article(), null, { field: 'source', code: 'source-missing', message: 'Choose the Source this republished story comes from.' }],
    [
      'inactive source',
      article(),
      source({ active: false }),
      { field: 'source', code: 'source-inactive', message: 'The source "ABC News" is marked inactive. Reactivate it or choose another source.' },
    ],
    [
      'permission source without evidence',
      article(),
      source({ permissionEvidence: '  ' }),
      {
        field: 'source.permissionEvidence',
        code: 'permission-evidence-missing',
        message: 'The source "ABC News" has no proof of permission on file (contract, e-mail or subscription). Add it to the source first.',
      },
    ],
    ['no originalUrl', article({ originalUrl: '' }), source(), { field: 'originalUrl', code: 'original-url-missing', message: 'Add the link to the original story.' }],
    [
      'garbage originalUrl',
      article({ originalUrl: 'abc.net.au/news/1' }),
      source(),
      { field: 'originalUrl', code: 'original-url-invalid', message: 'The link to the original story is not a valid web address. Paste the full address, starting with https://.' },
    ],
    [
      'ftp originalUrl',
      article({ originalUrl: 'ftp://abc.net.au/x' }),
      source(),
      { field: 'originalUrl', code: 'original-url-protocol', message: 'The link to the original story must start with http:// or https://.' },
    ],
    [
      'userinfo originalUrl',
      article({ originalUrl: 'https://abc.net.au@evil.net/x' }),
      source(),
      {
        field: 'originalUrl',
        code: 'original-url-credentials',
        message: 'The link to the original story contains a user name or "@" before the site name, which is often used to disguise the real site. Paste the plain address of the story.',
      },
    ],
    [
      'foreign host',
      article({ originalUrl: 'https://abc.net.au.evil.net/x' }),
      source(),
      {
        field: 'originalUrl',
        code: 'original-url-domain-mismatch',
        message: 'The original link points to abc.net.au.evil.net, which is not a website of "ABC News" (abc.net.au). Check the link or the chosen source.',
      },
    ],
    [
      'source without domains',
      article(),
      source({ domains: [] }),
      {
        field: 'source.domains',
        code: 'source-domains-empty',
        message: 'The source "ABC News" has no website domains listed, so the original link cannot be checked. Add its domains to the source.',
      },
    ],
    [
      'no originalPublishedAt',
      article({ originalPublishedAt: null }),
      source(),
      { field: 'originalPublishedAt', code: 'original-published-at-missing', message: 'Add the date the original story was published.' },
    ],
    [
      'bad originalPublishedAt',
      article({ originalPublishedAt: 'yesterday' }),
      source(),
      { field: 'originalPublishedAt', code: 'original-published-at-invalid', message: 'The original publication date is not a valid date.' },
    ],
    [
      'no republish right',
      article(),
      source({ permissions: { republish: false, translate: true, images: true } }),
      { field: 'source.permissions.republish', code: 'republish-not-permitted', message: 'We do not have permission to republish stories from "ABC News".' },
    ],
    [
      'no translate right',
      article({ origin: 'translated' }),
      source({ permissions: { republish: true, translate: false } }),
      { field: 'source.permissions.translate', code: 'translate-not-permitted', message: 'We do not have permission to publish translations of stories from "ABC News".' },
    ],
    [
      'embargo in the future',
      article({ embargoedUntil: '2025-03-10T09:00:00.000Z' }),
      source(),
      { field: 'embargoedUntil', code: 'embargo-active', message: 'This story is under embargo until 2025-03-10T09:00:00Z. It cannot be published before then.' },
    ],
    [
      'unparsable embargo',
      article({ embargoedUntil: 'soon' }),
      source(),
      { field: 'embargoedUntil', code: 'embargo-invalid', message: 'The embargo date is not a valid date. Fix or clear it before publishing.' },
    ],
  ]
  it.each(rows)('%s → exactly that failure', (_name, a, s, expected) => {
    expect(checkPublishGate(a, s, NOW)).toEqual([expected])
  })

  it('unnamed source is called "this source"', () => {
    expect(checkPublishGate(article(), source({ name: '', active: false }), NOW)[0]!.message).toContain('The source this source is marked inactive')
  })

  it('licence defaults apply when the source has no explicit permissions', () => {
    expect(codes(article(), source({ license: 'all-rights-reserved', permissions: null }))).toEqual(['republish-not-permitted'])
    expect(codes(article({ origin: 'translated' }), source({ license: 'cc-by-nd', permissions: undefined }))).toEqual(['translate-not-permitted'])
    expect(codes(article({ origin: 'translated' }), source({ license: 'cc-by', permissions: {} }))).toEqual([])
    expect(codes(article(), source({ license: 'cc-by-nc', permissions: {} }))).toEqual(['republish-not-permitted'])
    expect(checkPublishGate(article(), source({ license: 'cc-by-nc', permissions: {} }), NOW, { nonCommercialSite: true })).toEqual([])
  })

  it('wire sources also need evidence; CC sources do not', () => {
    expect(codes(article(), source({ license: 'wire', permissionEvidence: null }))).toEqual(['permission-evidence-missing'])
    expect(codes(article(), source({ license: 'cc-by', permissionEvidence: null }))).toEqual([])
  })

  it('embargo boundary: exactly now is allowed; Date objects accepted', () => {
    expect(codes(article({ embargoedUntil: NOW.toISOString() }))).toEqual([])
    expect(codes(article({ embargoedUntil: new Date(NOW.getTime() + 1) }))).toEqual(['embargo-active'])
    expect(codes(article({ embargoedUntil: '2025-01-01T00:00:00Z' }))).toEqual([])
  })

  it('embargo applies to original articles too', () => {
    expect(codes({ origin: 'original', embargoedUntil: '2030-01-01T00:00:00Z' }, null)).toEqual(['embargo-active'])
  })

  it('returns ALL failures at once, in a stable order', () => {
    const a = article({ origin: 'translated', originalUrl: 'https://evil.example/x', originalPublishedAt: undefined, embargoedUntil: '2099-01-01T00:00:00Z' })
    const s = source({ active: false, license: 'permission', permissionEvidence: '', permissions: { republish: false, translate: false } })
    expect(checkPublishGate(a, s, NOW).map((f) => [f.field, f.code])).toEqual([
      ['source', 'source-inactive'],
      ['source.permissionEvidence', 'permission-evidence-missing'],
      ['originalUrl', 'original-url-domain-mismatch'],
      ['originalPublishedAt', 'original-published-at-missing'],
      ['source.permissions.republish', 'republish-not-permitted'],
      ['source.permissions.translate', 'translate-not-permitted'],
      ['embargoedUntil', 'embargo-active'],
    ])
  })

  it('without a source, still reports URL, date and embargo problems', () => {
    expect(codes(article({ originalUrl: null, originalPublishedAt: null, embargoedUntil: '2099-01-01' }), null)).toEqual([
      'source-missing',
      'original-url-missing',
      'original-published-at-missing',
      'embargo-active',
    ])
  })

  it.each([
    ['https://www.abc.net.au/news/1', true],
    ['https://ABC.NET.AU/news/1', true],
    ['https://abc.net.au./news/1', true],
    ['https://abc.net.au:443/news/1', true],
    ['https://iview.abc.net.au/x', true],
    ['https://abc.net.au.evil.net/x', false],
    ['https://notabc.net.au/x', false],
    ['https://abc.net.au@evil.net/', false],
  ])('domain check %s → %s', (url, ok) => {
    expect(codes(article({ originalUrl: url })).length === 0).toBe(ok)
  })
})

describe('checkImagePermissions', () => {
  it('names each image whose source does not grant images', () => {
    const failures = checkImagePermissions([
      { id: 1, filename: 'rba.jpg', source: source({ permissions: { images: false } }) },
      { id: 2, filename: 'own.jpg' },
      { id: 3, alt: 'Governor Bullock', source: { name: 'Getty', license: 'all-rights-reserved' } },
      { id: 4, filename: 'cc.jpg', source: { name: 'Wikimedia', license: 'cc-by-sa' } },
      { id: 5, source: { name: 'NC', license: 'cc-by-nc' } },
    ])
    expect(failures).toEqual([
      {
        field: 'images',
        code: 'image-not-permitted',
        imageId: 1,
        message: 'Image "rba.jpg" comes from "ABC News", which does not allow us to reuse its images. Replace or remove it.',
      },
      {
        field: 'images',
        code: 'image-not-permitted',
        imageId: 3,
        message: 'Image "Governor Bullock" comes from "Getty", which does not allow us to reuse its images. Replace or remove it.',
      },
      {
        field: 'images',
        code: 'image-not-permitted',
        imageId: 5,
        message: 'Image "#5" comes from "NC", which does not allow us to reuse its images. Replace or remove it.',
      },
    ])
  })
  it('empty list → no failures', () => {
    expect(checkImagePermissions([])).toEqual([])
  })
})

describe('validateSource', () => {
  it('accepts a complete source', () => {
    expect(validateSource(source())).toEqual([])
  })
  it('reports every problem with its field', () => {
    const f = validateSource({
      name: ' ',
      license: 'wire',
      permissionEvidence: null,
      seoPolicy: 'canonical',
      creditTemplate: '来源: {src}',
      domains: ['ok.com', 'bad domain'],
      homepage: 'www.x.com',
      licenseUrl: 'javascript:alert(1)',
      rightsWindowDays: 0,
    })
    expect(f.map((x) => [x.field, x.code])).toEqual([
      ['name', 'source-name-missing'],
      ['permissionEvidence', 'permission-evidence-missing'],
      ['seoPolicy', 'source-seo-policy-invalid'],
      ['creditTemplate', 'credit-template-unknown-placeholder'],
      ['domains', 'source-domain-invalid'],
      ['homepage', 'source-homepage-invalid'],
      ['licenseUrl', 'source-license-url-invalid'],
      ['rightsWindowDays', 'source-rights-window-invalid'],
    ])
  })
  it('rejects an unknown licence', () => {
    expect(validateSource({ name: 'x', license: 'gpl' }).map((x) => x.code)).toEqual(['source-license-invalid'])
  })
})
