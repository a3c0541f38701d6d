import { ValidationError, type CollectionBeforeValidateHook } from 'payload'

import { defaultPermissions, validateSource, type Permissions } from '../../src/attribution'

const PERMISSION_KEYS: (keyof Permissions)[] = ['republish', 'modify', 'translate', 'images']

/**
 * Fills the rights a licence implies where the editor left them unset (and follows a licence change the
 * editor did not override), then checks the whole Source: name, licence, credit template placeholders,
 * domains, URLs, evidence for `permission`/`wire`. Every problem is reported at once.
 */
export const applySourceRules: CollectionBeforeValidateHook = ({ data, originalDoc, req }) => {
  if (!data) return data
  const merged = { ...originalDoc, ...data }
  const licenseChanged = originalDoc && data.license !== undefined && data.license !== originalDoc.license
  const sent = (data.permissions ?? {}) as Partial<Record<keyof Permissions, boolean | null>>
  const kept = (licenseChanged ? {} : (originalDoc?.permissions ?? {})) as Partial<Record<keyof Permissions, boolean | null>>
  const defaults = defaultPermissions(merged.license)
  const permissions = {} as Permissions
  for (const key of PERMISSION_KEYS) {
    const explicit = typeof sent[key] === 'boolean' ? sent[key] : typeof kept[key] === 'boolean' ? kept[key] : null
    permissions[key] = explicit ?? defaults[key]
  }
  data.permissions = permissions
  if (Array.isArray(data.domains)) {
    data.domains = data.domains.map((domain: string) => String(domain).trim().toLowerCase().replace(/\.$/, '')).filter(Boolean)
  }
  const failures = validateSource({ ...merged, ...data })
  if (failures.length > 0) {
    throw new ValidationError(
      { collection: 'sources', errors: failures.map((failure) => ({ path: failure.field, message: failure.message })) },
      req.t,
    )
  }
  return data
}
