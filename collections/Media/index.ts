import type { CollectionConfig } from 'payload'

import { isEditorOrAuthor, anyone } from '../../access/publicRead'
import { isEditor } from '../../access/isStaff'
import { readEmbeddedCredits } from '../../hooks/media/readEmbeddedCredits'
import { refuseUnsafeUploads } from '../../hooks/media/refuseUnsafeUploads'
import { stampMediaCredit } from '../../hooks/media/stampMediaCredit'

export const MEDIA_SLUG = 'media'

/** Photos and their credits. Credit fields are filled from embedded IPTC/XMP/EXIF when left empty. */
export const Media: CollectionConfig = {
  slug: MEDIA_SLUG,
  admin: {
    useAsTitle: 'alt',
    defaultColumns: ['filename', 'alt', 'creditLine', 'license'],
  },
  access: {
    read: anyone,
    create: isEditorOrAuthor,
    update: isEditor,
    delete: isEditor,
  },
  upload: {
    staticDir: process.env.MEDIA_DIR || 'media',
    // What the bytes say is checked too (hooks/media/refuseUnsafeUploads.ts): no SVG, no HTML, no decompression bombs.
    mimeTypes: ['image/jpeg', 'image/png', 'image/webp', 'image/gif', 'image/avif'],
    focalPoint: true,
    imageSizes: [
      { name: 'thumbnail', width: 300, height: 300, position: 'centre' },
      { name: 'card', width: 768, height: 512, position: 'centre' },
      { name: 'hero', width: 1600, height: undefined },
      { name: 'og', width: 1200, height: 630, position: 'centre' },
    ],
    adminThumbnail: 'thumbnail',
  },
  hooks: {
    beforeOperation: [refuseUnsafeUploads],
    beforeChange: [readEmbeddedCredits, stampMediaCredit],
  },
  fields: [
    { name: 'alt', type: 'text', required: true },
    { name: 'caption', type: 'text' },
    { name: 'creator', type: 'text' },
    { name: 'source', type: 'relationship', relationTo: 'sources' },
    {
      name: 'creditLine',
      type: 'text',
      access: { create: () => false, update: () => false },
      admin: { readOnly: true },
    },
    { name: 'license', type: 'text' },
    { name: 'copyrightNotice', type: 'text' },
  ],
}
