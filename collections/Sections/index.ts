import type { CollectionConfig } from 'payload'

import { isEditor } from '../../access/isStaff'
import { anyone } from '../../access/publicRead'
import { uniqueSlug } from '../../hooks/uniqueSlug'

export const SECTIONS_SLUG = 'sections'

/**
 * A section of the site (新闻 › 国际). Hierarchical through Payload's nested-docs plugin (`parent`,
 * `breadcrumbs`, added where the plugin assembles the collections). `name` is in the site's language,
 * `nameEn` the optional English name a site shows when it speaks English.
 */
export const Sections: CollectionConfig = {
  slug: SECTIONS_SLUG,
  admin: { useAsTitle: 'name', defaultColumns: ['name', 'slug', 'parent', 'order'] },
  access: { read: anyone, create: isEditor, update: isEditor, delete: isEditor },
  defaultSort: 'order',
  hooks: { beforeValidate: [uniqueSlug('name')] },
  fields: [
    { name: 'name', type: 'text', required: true, maxLength: 100 },
    { name: 'nameEn', type: 'text', maxLength: 100 },
    { name: 'slug', type: 'text', unique: true, index: true, admin: { position: 'sidebar' } },
    { name: 'order', type: 'number', defaultValue: 0, admin: { position: 'sidebar' } },
    { name: 'description', type: 'textarea', maxLength: 1000 },
  ],
}
