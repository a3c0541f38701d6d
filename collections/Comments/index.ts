import type { CollectionConfig } from 'payload'

import { commentReadAccess, moderatorField, staffField, systemOnlyField } from '../../access/comments'
import { isModerator } from '../../access/isStaff'
import { anyone } from '../../access/publicRead'

export const COMMENTS_SLUG = 'comments'

export const COMMENT_STATUSES = ['pending', 'approved', 'rejected', 'spam'] as const
export const REPORT_REASONS = ['spam', 'abuse', 'off-topic', 'illegal', 'other'] as const

const moderatorOnly = { create: moderatorField, update: moderatorField }
const staffReadSystemWrite = { read: staffField, create: systemOnlyField, update: systemOnlyField }

/** Readers' comments under articles, with the moderation record of every decision. */
export const Comments: CollectionConfig = {
  slug: COMMENTS_SLUG,
  admin: {
    useAsTitle: 'body',
    defaultColumns: ['body', 'article', 'authorName', 'status', 'reportCount', 'createdAt'],
  },
  versions: { maxPerDoc: 25 },
  trash: true,
  access: {
    read: commentReadAccess,
    create: anyone,
    update: isModerator,
    delete: isModerator,
  },
  fields: [
    { name: 'article', type: 'relationship', relationTo: 'articles', required: true, index: true },
    { name: 'parent', type: 'relationship', relationTo: 'comments', index: true },
    { name: 'authorName', type: 'text', maxLength: 60 },
    { name: 'authorEmail', type: 'email', access: { read: staffField } },
    {
      name: 'authorUser',
      type: 'relationship',
      relationTo: 'users',
      access: { create: systemOnlyField, update: systemOnlyField },
    },
    { name: 'body', type: 'textarea', required: true },
    {
      name: 'status',
      type: 'select',
      required: true,
      defaultValue: 'pending',
      index: true,
      options: COMMENT_STATUSES.map((value) => ({ label: value, value })),
      access: moderatorOnly,
    },
    {
      name: 'moderation',
      type: 'group',
      access: { read: staffField, ...moderatorOnly },
      fields: [
        { name: 'verdict', type: 'text' },
        { name: 'score', type: 'number' },
        {
          name: 'reasons',
          type: 'array',
          fields: [
            { name: 'code', type: 'text' },
            { name: 'term', type: 'text' },
            { name: 'start', type: 'number' },
            { name: 'end', type: 'number' },
            { name: 'detail', type: 'text' },
          ],
        },
        { name: 'decidedBy', type: 'text' },
        { name: 'decidedAt', type: 'date' },
        { name: 'note', type: 'textarea' },
      ],
    },
    {
      name: 'reports',
      type: 'array',
      access: { read: staffField, ...moderatorOnly },
      fields: [
        { name: 'reason', type: 'select', options: REPORT_REASONS.map((value) => ({ label: value, value })) },
        { name: 'note', type: 'text' },
        { name: 'reporterHash', type: 'text' },
        { name: 'at', type: 'date' },
      ],
    },
    { name: 'reportCount', type: 'number', defaultValue: 0, access: moderatorOnly },
    { name: 'featured', type: 'checkbox', defaultValue: false, access: moderatorOnly },
    { name: 'ipHash', type: 'text', index: true, access: staffReadSystemWrite },
    { name: 'userAgentHash', type: 'text', access: staffReadSystemWrite },
    { name: 'editedAt', type: 'date', access: { create: systemOnlyField, update: systemOnlyField } },
  ],
}
