import type { CollectionConfig } from 'payload'

import { anyone } from '../../access/publicRead'
import { LICENSES, SEO_POLICIES } from '../../src/attribution'
import { isEditor } from '../../access/isStaff'
import { applySourceRules } from '../../hooks/sources/applySourceRules'
import { queueRestamp } from '../../hooks/sources/queueRestamp'
import { uniqueSlug } from '../../hooks/uniqueSlug'

export const SOURCES_SLUG = 'sources'


/** An outlet whose stories or photos we republish, and the terms we may use them under. */
export const Sources: CollectionConfig = {
  slug: SOURCES_SLUG,
  admin: {
    useAsTitle: 'name',
    defaultColumns: ['name', 'license', 'permissions', 'active'],
  },
  access: {
    read: anyone,
    create: isEditor,
    update: isEditor,
    delete: isEditor,
  },
  hooks: {
    beforeValidate: [uniqueSlug('name'), applySourceRules],
    afterChange: [queueRestamp],
  },
  fields: [
    { name: 'name', type: 'text', required: true, unique: true, maxLength: 120 },
    { name: 'slug', type: 'text', unique: true, index: true, admin: { position: 'sidebar' } },
    { name: 'homepage', type: 'text' },
    { name: 'domains', type: 'text', hasMany: true },
    { name: 'logo', type: 'upload', relationTo: 'media' },
    { name: 'creditTemplate', type: 'text', defaultValue: '来源: {source}' },
    {
      name: 'license',
      type: 'select',
      required: true,
      defaultValue: 'all-rights-reserved',
      options: LICENSES.map((value) => ({ label: value, value })),
    },
    { name: 'licenseUrl', type: 'text' },
    {
      name: 'permissions',
      type: 'group',
      fields: [
        { name: 'republish', type: 'checkbox' },
        { name: 'modify', type: 'checkbox' },
        { name: 'translate', type: 'checkbox' },
        { name: 'images', type: 'checkbox' },
      ],
    },
    {
      name: 'permissionEvidence',
      type: 'textarea',
      // Contracts and e-mails are the newsroom's business, not the public's.
      access: { read: ({ req: { user } }) => Boolean(user) },
      admin: { description: 'Required for "permission" and "wire": contract, e-mail or subscription that grants the rights.' },
    },
    { name: 'copyrightHolder', type: 'text' },
    { name: 'rightsWindowDays', type: 'number', min: 1 },
    {
      name: 'seoPolicy',
      type: 'select',
      defaultValue: 'canonical-self',
      options: SEO_POLICIES.map((value) => ({ label: value, value })),
    },
    { name: 'active', type: 'checkbox', defaultValue: true },
  ],
}
