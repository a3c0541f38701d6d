import type { CollectionConfig, Field, GlobalConfig } from 'payload'

import { combineAccess } from '../../access/combineAccess'

type Hooks = NonNullable<CollectionConfig['hooks']>

/** Appends our hooks after the host's, hook type by hook type. */
export const appendHooks = <H extends Record<string, unknown>>(host: H | undefined, ours: H | undefined): H => {
  const merged: Record<string, unknown> = { ...(host ?? {}) }
  for (const [key, value] of Object.entries(ours ?? {})) {
    const before = merged[key]
    merged[key] = Array.isArray(before) && Array.isArray(value) ? [...before, ...value] : (value ?? before)
  }
  return merged as H
}

const fieldName = (field: Field): string | undefined => ('name' in field ? field.name : undefined)

/**
 * Merges our collection into a host collection of the same slug: the host's settings stay, our fields are
 * added where the host has none of that name, hooks run host-first, and each access function becomes
 * "host AND ours".
 */
export const mergeCollection = (host: CollectionConfig, ours: CollectionConfig): CollectionConfig => {
  const hostNames = new Set(host.fields.map(fieldName).filter(Boolean))
  const access: Record<string, unknown> = { ...(host.access ?? {}) }
  for (const [key, fn] of Object.entries(ours.access ?? {})) {
    access[key] = combineAccess(access[key] as never, fn as never)
  }
  return {
    ...ours,
    ...host,
    auth: host.auth ?? ours.auth,
    admin: { ...ours.admin, ...host.admin },
    access: access as CollectionConfig['access'],
    hooks: appendHooks<Hooks>(host.hooks, ours.hooks),
    endpoints: [...(host.endpoints || []), ...(ours.endpoints || [])],
    fields: [...host.fields, ...ours.fields.filter((field) => !hostNames.has(fieldName(field)))],
  }
}

/** Removes every hook, endpoint and admin component from fields, recursively; the schema stays the same. */
const stripFieldBehaviour = (fields: Field[]): Field[] =>
  fields.map((field) => {
    const copy = { ...field } as Field & Record<string, any>
    if ('hooks' in copy) delete copy.hooks
    if (copy.admin && 'components' in copy.admin) copy.admin = { ...copy.admin, components: undefined }
    if (Array.isArray(copy.fields)) copy.fields = stripFieldBehaviour(copy.fields)
    if (Array.isArray(copy.tabs)) copy.tabs = copy.tabs.map((tab: any) => ({ ...tab, fields: stripFieldBehaviour(tab.fields) }))
    if (Array.isArray(copy.blocks)) copy.blocks = copy.blocks.map((block: any) => ({ ...block, fields: stripFieldBehaviour(block.fields) }))
    return copy
  })

/** For `disabled: true`: keep the collection and every field, drop behaviour. */
export const withoutBehaviour = <T extends CollectionConfig | GlobalConfig>(entity: T): T => ({
  ...entity,
  hooks: {},
  endpoints: [],
  admin: { ...entity.admin, components: undefined },
  fields: stripFieldBehaviour(entity.fields),
})
