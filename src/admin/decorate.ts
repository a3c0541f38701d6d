import type { CollectionConfig, Config, Field, GlobalConfig } from 'payload'

import { EDITORIAL_ROLES, MODERATION_ROLES, hasRole, type Role } from '../../access/roles'
import { labelFor, newsroomTranslations } from '../i18n'

/** Where our admin components live, relative to the import map's base directory (`src/`). */
const component = (file: string, name: string) => `/admin/components/${file}#${name}`

export interface AdminDecorationOptions {
  /** `disabled: true`: labels and translations only; no components, dashboard panels or role-based hiding. */
  disabled?: boolean
  usersSlug: string
  siteUrl?: string
  siteName?: string
}

type AnyField = Field & Record<string, any>

const withLabel = (target: Record<string, any>, property: string, key: string) => {
  if (target[property] !== undefined) return target
  const label = labelFor(key)
  return label ? { ...target, [property]: label } : target
}

/** Labels, descriptions and option labels from our dictionaries, for every named field, recursively. */
export const labelFields = (slug: string, fields: Field[], prefix = ''): Field[] =>
  fields.map((field) => {
    let copy = { ...field } as AnyField
    const name: string | undefined = 'name' in field ? field.name : undefined
    const path = name ? `${prefix}${name}` : prefix.replace(/\.$/, '')
    if (name) {
      copy = withLabel(copy, 'label', `field.${slug}.${path}`) as AnyField
      const description = labelFor(`description.${slug}.${path}`)
      const current = (copy.admin as Record<string, unknown> | undefined)?.description
      if (description && (current === undefined || typeof current === 'string')) {
        copy.admin = { ...copy.admin, description }
      }
    }
    if (Array.isArray(copy.options)) {
      copy.options = copy.options.map((option: any) => {
        const value = typeof option === 'string' ? option : option.value
        const label = labelFor(`option.${slug}.${path}.${value}`)
        if (!label) return option
        if (typeof option === 'object' && typeof option.label === 'object') return option
        return { ...(typeof option === 'object' ? option : {}), label, value }
      })
    }
    const childPrefix = name ? `${path}.` : prefix
    if (Array.isArray(copy.fields)) copy.fields = labelFields(slug, copy.fields, childPrefix)
    if (Array.isArray(copy.tabs)) copy.tabs = copy.tabs.map((tab: any) => ({ ...tab, fields: labelFields(slug, tab.fields, tab.name ? `${childPrefix}${tab.name}.` : childPrefix) }))
    return copy as Field
  })

const collectionLabels = (slug: string) => {
  const singular = labelFor(`collection.${slug}.singular`)
  const plural = labelFor(`collection.${slug}.plural`)
  return singular && plural ? { singular, plural } : undefined
}

const hiddenUnless = (roles: readonly Role[]) => ({ user }: { user: unknown }) => !hasRole(user as never, roles)

/**
 * A ui field (no database column) that only exists to render a list column or a panel. It is added also when
 * disabled, so both configs have the same fields, but then without its component: it renders nothing.
 */
const uiField = (name: string, admin: Record<string, unknown>, disabled?: boolean): Field => {
  const { components, ...rest } = admin
  return { name, type: 'ui', admin: (disabled ? { ...rest, disableListColumn: true } : { ...rest, components }) as never }
}

interface Decoration {
  admin: Record<string, any>
  fields: Field[]
  fieldAdmin?: Record<string, Record<string, unknown>>
}

/** Our admin options per collection slug: groups, columns, components, ui fields. */
const adminFor = (slug: string, options: AdminDecorationOptions): Decoration | undefined => {
  const { disabled } = options
  switch (slug) {
    case 'articles':
      return <Decoration>{
        admin: {
          group: labelFor('group.newsroom'),
          defaultColumns: ['title', 'origin', 'source', '_status', 'commentCount', 'updatedAt'],
          ...(disabled
            ? {}
            : {
                hidden: hiddenUnless([...EDITORIAL_ROLES, 'author']),
                components: { edit: { PublishButton: component('PublishButton', 'NewsroomPublishButton') } },
              }),
        },
        fields: [
          uiField(
            'attributionPreview',
            {
              position: 'sidebar',
              components: {
                Field: {
                  path: component('AttributionPreview', 'AttributionPreview'),
                  clientProps: { siteUrl: options.siteUrl, siteName: options.siteName },
                },
              },
            },
            disabled,
          ),
        ],
      }
    case 'comments':
      return <Decoration>{
        admin: {
          group: labelFor('group.moderation'),
          defaultColumns: disabled
            ? ['body', 'article', 'authorName', 'status', 'reportCount', 'createdAt']
            : ['body', 'article', 'authorName', 'reasonsSummary', 'reportCount', 'status', 'age'],
          ...(disabled
            ? {}
            : {
                hidden: hiddenUnless([...MODERATION_ROLES, 'editor']),
                components: {
                  beforeList: [component('QueueDefault', 'QueueDefault')],
                  beforeListTable: [component('QueueFilters', 'QueueFilters')],
                },
              }),
        },
        fieldAdmin: disabled ? {} : { body: { components: { Cell: component('CommentCells', 'CommentExcerptCell') } } },
        fields: [
          uiField('reasonsSummary', { components: { Cell: component('CommentCells', 'ReasonsCell') }, disableListFilter: true }, disabled),
          uiField('age', { components: { Cell: component('CommentCells', 'AgeCell') }, disableListFilter: true }, disabled),
          uiField('decision', { position: 'sidebar', components: { Field: component('ModerationPanel', 'ModerationPanel') } }, disabled),
        ],
      }
    case 'sources':
      return <Decoration>{
        admin: {
          group: labelFor('group.newsroom'),
          defaultColumns: disabled ? ['name', 'license', 'domains', 'active'] : ['name', 'license', 'permissionsSummary', 'domains', 'active'],
          ...(disabled ? {} : { hidden: hiddenUnless([...EDITORIAL_ROLES, 'author']) }),
        },
        fields: [uiField('permissionsSummary', { components: { Cell: component('SourceCells', 'PermissionsCell') }, disableListFilter: true }, disabled)],
      }
    case 'media':
      return <Decoration>{
        admin: {
          group: labelFor('group.newsroom'),
          defaultColumns: ['filename', 'alt', 'creditLine', 'license'],
          ...(disabled ? {} : { hidden: hiddenUnless([...EDITORIAL_ROLES, 'author']) }),
        },
        fields: [],
      }
    case 'moderation-examples':
    case 'moderation-models':
      return <Decoration>{ admin: { group: labelFor('group.moderation') }, fields: [] }
    case 'sections':
    case 'tags':
      return <Decoration>{
        admin: { group: labelFor('group.site'), ...(disabled ? {} : { hidden: hiddenUnless([...EDITORIAL_ROLES, 'author']) }) },
        fields: [],
      }
    default:
      if (slug === options.usersSlug) return <Decoration>{ admin: { group: labelFor('group.admin') }, fields: [] }
      return undefined
  }
}

/** Sets `admin` of top-level fields by name (list cells of existing fields). */
const patchFieldAdmin = (fields: Field[], patches: Record<string, Record<string, unknown>>): Field[] =>
  fields.map((field) => {
    const name = 'name' in field ? field.name : undefined
    const patch = name ? patches[name] : undefined
    if (!patch) return field
    const copy = { ...field } as Record<string, any>
    const components = { ...(copy.admin?.components ?? {}), ...(patch.components as object) }
    copy.admin = { ...copy.admin, ...patch, components }
    return copy as Field
  })

const OUR_COLLECTIONS = ['articles', 'media', 'comments', 'sources', 'sections', 'tags', 'moderation-examples', 'moderation-models']

/** Labels (en + zh), list columns, navigation groups and admin components for one of our collections. */
export const decorateCollection = (collection: CollectionConfig, options: AdminDecorationOptions): CollectionConfig => {
  const slug = collection.slug === options.usersSlug ? 'users' : collection.slug
  if (!OUR_COLLECTIONS.includes(slug) && slug !== 'users') return collection
  const ours = adminFor(collection.slug, options)
  let fields = labelFields(slug, collection.fields)
  if (ours?.fieldAdmin) fields = patchFieldAdmin(fields, ours.fieldAdmin)
  const added = labelFields(slug, (ours?.fields ?? []).filter((field) => !fields.some((f) => 'name' in f && 'name' in field && f.name === field.name)))
  // our sidebar panels go to the top of the sidebar; list-only columns at the end
  const isSidebar = (field: Field) => (field.admin as { position?: string } | undefined)?.position === 'sidebar'
  fields = [...added.filter(isSidebar), ...fields, ...added.filter((field) => !isSidebar(field))]
  const labels = collection.labels ?? collectionLabels(slug)
  const admin = { ...collection.admin }
  for (const [key, value] of Object.entries(ours?.admin ?? {})) {
    if (value === undefined) continue
    if (key === 'components') admin.components = { ...admin.components, ...value, edit: { ...admin.components?.edit, ...value.edit } }
    // Our admin options are typed per key in AdminPatch; copied over Payload's by name, one type per key.
    else if (key === 'group' || key === 'hidden') (admin as Record<string, unknown>)[key] ??= value
    else (admin as Record<string, unknown>)[key] = value
  }
  return { ...collection, labels, admin, fields }
}

const GLOBAL_GROUPS: Record<string, string> = { 'moderation-settings': 'group.moderation', 'site-settings': 'group.site' }

/** Labels for our globals. */
export const decorateGlobal = (global: GlobalConfig): GlobalConfig => {
  const group = GLOBAL_GROUPS[global.slug]
  if (!group) return global
  return {
    ...global,
    label: global.label ?? labelFor(`global.${global.slug}`),
    admin: { ...global.admin, group: global.admin?.group ?? labelFor(group) },
    fields: labelFields(global.slug, global.fields),
  }
}

/**
 * The admin panel of the newsroom: our labels in English and Chinese on every collection, field and option,
 * our translations under the `newsroom` namespace, list columns, dashboard panels and components.
 * With `disabled`, only labels and translations are applied (no components, nothing that changes behaviour);
 * our `ui` fields stay, without components, so both configs have the same fields.
 */
export const decorateForAdmin = (config: Config, options: AdminDecorationOptions): Config => {
  const i18n = config.i18n ?? {}
  const translations = { ...(i18n.translations ?? {}) } as Record<string, Record<string, unknown>>
  for (const [language, namespaces] of Object.entries(newsroomTranslations)) {
    translations[language] = { ...(translations[language] ?? {}), newsroom: { ...namespaces.newsroom, ...((translations[language]?.newsroom as object) ?? {}) } }
  }
  const dashboard = options.disabled
    ? []
    : [component('Dashboard', 'ModerationQueueSize'), component('Dashboard', 'RightsWindows')]
  return {
    ...config,
    i18n: { ...i18n, translations: translations as never },
    collections: (config.collections ?? []).map((collection) => decorateCollection(collection, options)),
    globals: (config.globals ?? []).map(decorateGlobal),
    admin: {
      ...config.admin,
      // Gravatar is an outside image host the admin's Content-Security-Policy blocks: use Payload's own avatar
      avatar: config.admin?.avatar ?? 'default',
      components: dashboard.length
        ? { ...config.admin?.components, beforeDashboard: [...(config.admin?.components?.beforeDashboard ?? []), ...dashboard] }
        : config.admin?.components,
    },
  }
}
