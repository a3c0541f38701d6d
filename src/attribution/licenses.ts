import { LICENSES, type LicenseId, type Permissions, type SourceLike } from './types'

export { LICENSES, type LicenseId }


/** Descriptive metadata about a licence. */
export interface LicenseInfo {
  id: LicenseId
  label: { en: string; zh: string }
  /** Canonical deed URL (CC 4.0 deeds; Public Domain Mark for `public-domain`), else null. */
  url: string | null
  /** Re-users must credit the author/source. */
  requiresAttribution: boolean
  /** Derivatives (edits, translations) are allowed by the licence itself. */
  allowsDerivatives: boolean
  /** Only non-commercial use is allowed. */
  nonCommercial: boolean
  /** Derivatives must be shared under the same licence. */
  shareAlike: boolean
  /** Rights come from a private agreement, so the Source must record `permissionEvidence`. */
  requiresEvidence: boolean
}

const CC = 'https://creativecommons.org/licenses'

/** Labels (en/zh), canonical URLs and properties of every licence. */
export const LICENSE_INFO: Readonly<Record<LicenseId, LicenseInfo>> = {
  'all-rights-reserved': {
    id: 'all-rights-reserved',
    label: { en: 'All rights reserved', zh: '版权所有' },
    url: null,
    requiresAttribution: true,
    allowsDerivatives: false,
    nonCommercial: false,
    shareAlike: false,
    requiresEvidence: false,
  },
  permission: {
    id: 'permission',
    label: { en: 'Republished with permission', zh: '经授权转载' },
    url: null,
    requiresAttribution: true,
    allowsDerivatives: false,
    nonCommercial: false,
    shareAlike: false,
    requiresEvidence: true,
  },
  wire: {
    id: 'wire',
    label: { en: 'Wire service (subscription)', zh: '通讯社供稿' },
    url: null,
    requiresAttribution: true,
    allowsDerivatives: true,
    nonCommercial: false,
    shareAlike: false,
    requiresEvidence: true,
  },
  'cc-by': {
    id: 'cc-by',
    label: { en: 'CC BY 4.0 (Attribution)', zh: '知识共享 署名 4.0 (CC BY 4.0)' },
    url: `${CC}/by/4.0/`,
    requiresAttribution: true,
    allowsDerivatives: true,
    nonCommercial: false,
    shareAlike: false,
    requiresEvidence: false,
  },
  'cc-by-sa': {
    id: 'cc-by-sa',
    label: { en: 'CC BY-SA 4.0 (Attribution-ShareAlike)', zh: '知识共享 署名-相同方式共享 4.0 (CC BY-SA 4.0)' },
    url: `${CC}/by-sa/4.0/`,
    requiresAttribution: true,
    allowsDerivatives: true,
    nonCommercial: false,
    shareAlike: true,
    requiresEvidence: false,
  },
  'cc-by-nd': {
    id: 'cc-by-nd',
    label: { en: 'CC BY-ND 4.0 (Attribution-NoDerivatives)', zh: '知识共享 署名-禁止演绎 4.0 (CC BY-ND 4.0)' },
    url: `${CC}/by-nd/4.0/`,
    requiresAttribution: true,
    allowsDerivatives: false,
    nonCommercial: false,
    shareAlike: false,
    requiresEvidence: false,
  },
  'cc-by-nc': {
    id: 'cc-by-nc',
    label: { en: 'CC BY-NC 4.0 (Attribution-NonCommercial)', zh: '知识共享 署名-非商业性使用 4.0 (CC BY-NC 4.0)' },
    url: `${CC}/by-nc/4.0/`,
    requiresAttribution: true,
    allowsDerivatives: true,
    nonCommercial: true,
    shareAlike: false,
    requiresEvidence: false,
  },
  'cc-by-nc-nd': {
    id: 'cc-by-nc-nd',
    label: {
      en: 'CC BY-NC-ND 4.0 (Attribution-NonCommercial-NoDerivatives)',
      zh: '知识共享 署名-非商业性使用-禁止演绎 4.0 (CC BY-NC-ND 4.0)',
    },
    url: `${CC}/by-nc-nd/4.0/`,
    requiresAttribution: true,
    allowsDerivatives: false,
    nonCommercial: true,
    shareAlike: false,
    requiresEvidence: false,
  },
  'public-domain': {
    id: 'public-domain',
    label: { en: 'Public domain', zh: '公有领域' },
    url: 'https://creativecommons.org/publicdomain/mark/1.0/',
    requiresAttribution: false,
    allowsDerivatives: true,
    nonCommercial: false,
    shareAlike: false,
    requiresEvidence: false,
  },
}

/** Type guard: is `value` one of {@link LICENSES}? */
export function isLicense(value: unknown): value is LicenseId {
  return typeof value === 'string' && (LICENSES as readonly string[]).includes(value)
}

/** Options for {@link defaultPermissions}. */
export interface DefaultPermissionsOptions {
  /**
   * Set to `true` only if the publishing site is genuinely non-commercial
   * (no ads, paywall or sponsorship). Default `false`: a news site is treated as
   * commercial, so `cc-by-nc*` licences grant nothing by default.
   */
  nonCommercialSite?: boolean
}

const NONE: Permissions = { republish: false, modify: false, translate: false, images: false }
const ALL: Permissions = { republish: true, modify: true, translate: true, images: true }

/**
 * Default rights implied by a licence; editors may override them per Source.
 *
 * | licence              | republish | modify | translate | images |
 * |----------------------|-----------|--------|-----------|--------|
 * | all-rights-reserved  | no        | no     | no        | no     |
 * | permission           | yes       | no     | no        | yes    |
 * | wire                 | yes       | yes    | yes       | yes    |
 * | cc-by, cc-by-sa      | yes       | yes    | yes       | yes    |
 * | cc-by-nd             | yes       | no     | no        | yes    |
 * | cc-by-nc             | no*       | no*    | no*       | no*    |
 * | cc-by-nc-nd          | no*       | no     | no        | no*    |
 * | public-domain        | yes       | yes    | yes       | yes    |
 *
 * `permission`: an agreement to republish usually covers the story and its photos,
 * not edits or translations — tick those only if the agreement says so.
 * `wire`: wire subscriptions are sold to be edited, translated and illustrated.
 * ND: a translation is a derivative, so ND forbids `translate` as well as `modify`.
 * (*) NC: `yes` as for cc-by / cc-by-nd only with `{ nonCommercialSite: true }`.
 * Unknown licences get no rights.
 */
export function defaultPermissions(license: LicenseId | string | null | undefined, options: DefaultPermissionsOptions = {}): Permissions {
  switch (license) {
    case 'permission':
      return { republish: true, modify: false, translate: false, images: true }
    case 'wire':
    case 'cc-by':
    case 'cc-by-sa':
    case 'public-domain':
      return { ...ALL }
    case 'cc-by-nd':
      return { republish: true, modify: false, translate: false, images: true }
    case 'cc-by-nc':
      return options.nonCommercialSite ? { ...ALL } : { ...NONE }
    case 'cc-by-nc-nd':
      return options.nonCommercialSite ? { republish: true, modify: false, translate: false, images: true } : { ...NONE }
    default:
      return { ...NONE }
  }
}

/**
 * The effective rights of a Source: explicit booleans in `source.permissions`
 * win; missing/null keys fall back to {@link defaultPermissions} of its licence.
 * A null source has no rights.
 */
export function resolvePermissions(source: SourceLike | null | undefined, options: DefaultPermissionsOptions = {}): Permissions {
  if (!source) return { ...NONE }
  const defaults = defaultPermissions(source.license, options)
  const explicit = source.permissions ?? {}
  const pick = (k: keyof Permissions): boolean => (typeof explicit[k] === 'boolean' ? (explicit[k] as boolean) : defaults[k])
  return { republish: pick('republish'), modify: pick('modify'), translate: pick('translate'), images: pick('images') }
}

/** Licence URL to publish: the Source's own `licenseUrl` if set, else the canonical deed URL. */
export function licenseUrlFor(license: LicenseId | string | null | undefined, explicitUrl?: string | null): string | null {
  const own = explicitUrl?.trim()
  if (own) return own
  return isLicense(license) ? LICENSE_INFO[license].url : null
}
