import { describe, expect, it } from 'vitest'
import { defaultPermissions, isLicense, LICENSE_INFO, LICENSES, licenseUrlFor, resolvePermissions } from '../../src/attribution'

describe('LICENSES / LICENSE_INFO', () => {
  it('lists the nine licences of the Source contract, each with info', () => {
    expect(LICENSES).toEqual(['all-rights-reserved', 'permission', 'wire', 'cc-by', 'cc-by-sa', 'cc-by-nd', 'cc-by-nc', 'cc-by-nc-nd', 'public-domain'])
    for (const l of LICENSES) {
      expect(LICENSE_INFO[l].id).toBe(l)
      expect(LICENSE_INFO[l].label.en).toBeTruthy()
      expect(LICENSE_INFO[l].label.zh).toBeTruthy()
    }
  })

  it.each([
    ['cc-by', 'https://creativecommons.org/licenses/by/4.0/'],
    ['cc-by-sa', 'https://creativecommons.org/licenses/by-sa/4.0/'],
    ['cc-by-nd', 'https://creativecommons.org/licenses/by-nd/4.0/'],
    ['cc-by-nc', 'https://creativecommons.org/licenses/by-nc/4.0/'],
    ['cc-by-nc-nd', 'https://creativecommons.org/licenses/by-nc-nd/4.0/'],
    ['public-domain', 'https://creativecommons.org/publicdomain/mark/1.0/'],
    ['all-rights-reserved', null],
    ['permission', null],
    ['wire', null],
  ] as const)('%s deed URL is %s', (license, url) => {
    expect(LICENSE_INFO[license].url).toBe(url)
  })

  it('only permission and wire require evidence', () => {
    expect(LICENSES.filter((l) => LICENSE_INFO[l].requiresEvidence)).toEqual(['permission', 'wire'])
  })

  it('isLicense', () => {
    expect(isLicense('cc-by')).toBe(true)
    expect(isLicense('CC-BY')).toBe(false)
    expect(isLicense(null)).toBe(false)
  })
})

describe('defaultPermissions', () => {
  const P = (republish: boolean, modify: boolean, translate: boolean, images: boolean) => ({ republish, modify, translate, images })
  it.each([
    ['all-rights-reserved', P(false, false, false, false)],
    ['permission', P(true, false, false, true)],
    ['wire', P(true, true, true, true)],
    ['cc-by', P(true, true, true, true)],
    ['cc-by-sa', P(true, true, true, true)],
    ['cc-by-nd', P(true, false, false, true)],
    ['cc-by-nc', P(false, false, false, false)],
    ['cc-by-nc-nd', P(false, false, false, false)],
    ['public-domain', P(true, true, true, true)],
    ['nonsense', P(false, false, false, false)],
    [null, P(false, false, false, false)],
  ] as const)('%s → %o', (license, expected) => {
    expect(defaultPermissions(license)).toEqual(expected)
  })

  it('NC licences grant rights only to a non-commercial site', () => {
    expect(defaultPermissions('cc-by-nc', { nonCommercialSite: true })).toEqual(P(true, true, true, true))
    expect(defaultPermissions('cc-by-nc-nd', { nonCommercialSite: true })).toEqual(P(true, false, false, true))
  })

  it('ND never allows modify or translate', () => {
    for (const l of ['cc-by-nd', 'cc-by-nc-nd'] as const) {
      for (const nonCommercialSite of [true, false]) {
        const p = defaultPermissions(l, { nonCommercialSite })
        expect(p.modify).toBe(false)
        expect(p.translate).toBe(false)
      }
    }
  })

  it('returns a fresh object each time', () => {
    const a = defaultPermissions('wire')
    a.republish = false
    expect(defaultPermissions('wire').republish).toBe(true)
  })
})

describe('resolvePermissions', () => {
  it('explicit booleans win, missing/null keys fall back to the licence', () => {
    expect(resolvePermissions({ license: 'cc-by', permissions: { images: false, modify: null } })).toEqual({
      republish: true,
      modify: true,
      translate: true,
      images: false,
    })
    expect(resolvePermissions({ license: 'all-rights-reserved', permissions: { republish: true } }).republish).toBe(true)
  })
  it('no source → no rights', () => {
    expect(resolvePermissions(null)).toEqual({ republish: false, modify: false, translate: false, images: false })
  })
})

describe('licenseUrlFor', () => {
  it('prefers the explicit URL, else the deed', () => {
    expect(licenseUrlFor('cc-by', ' https://example.com/terms ')).toBe('https://example.com/terms')
    expect(licenseUrlFor('cc-by', '')).toBe('https://creativecommons.org/licenses/by/4.0/')
    expect(licenseUrlFor('wire', null)).toBeNull()
  })
})
