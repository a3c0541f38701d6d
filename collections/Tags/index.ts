import type { CollectionConfig } from 'payload'

import { isEditor, isEditorOrAuthorTagging } from '../../access/isStaff'
import { anyone } from '../../access/publicRead'
import { uniqueSlug } from '../../hooks/uniqueSlug'

export const TAGS_SLUG = 'tags'

/** A flat keyword. Editors (and authors, who tag their drafts) create tags inline from the article's field. */
export const Tags: CollectionConfig = {
  slug: TAGS_SLUG,
  admin: { useAsTitle: 'name', defaultColumns: ['name', 'slug', 'updatedAt'] },
  access: { read: anyone, create: isEditorOrAuthorTagging, update: isEditor, delete: isEditor },
  hooks: { beforeValidate: [uniqueSlug('name')] },
  fields: [
    { name: 'name', type: 'text', required: true, maxLength: 100 },
    { name: 'slug', type: 'text', unique: true, index: true, admin: { position: 'sidebar' } },
  ],
}
