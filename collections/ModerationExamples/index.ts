import type { CollectionConfig } from 'payload'

import { isModerator } from '../../access/isStaff'
import { EXAMPLE_LABELS, MODERATION_EXAMPLES_SLUG } from '../../src/comments/offenseConstants'

const nobody = () => false

/**
 * What the site's moderators decided, as training examples of the offence model (src/comments/learn.ts): written
 * by the server when a moderator or admin decides a comment, read by moderators and admins, written by nobody
 * over the API. Deleted with their comment.
 */
export const ModerationExamples: CollectionConfig = {
  slug: MODERATION_EXAMPLES_SLUG,
  admin: { useAsTitle: 'text', defaultColumns: ['text', 'label', 'decidedBy', 'decision', 'createdAt'] },
  access: { read: isModerator, create: nobody, update: nobody, delete: nobody },
  indexes: [{ fields: ['label', 'createdAt'] }],
  fields: [
    { name: 'text', type: 'textarea', required: true },
    { name: 'label', type: 'select', required: true, index: true, options: EXAMPLE_LABELS.map((value) => ({ label: value, value })) },
    { name: 'decidedBy', type: 'text' },
    { name: 'decision', type: 'text' },
    { name: 'article', type: 'relationship', relationTo: 'articles' },
    { name: 'comment', type: 'relationship', relationTo: 'comments', index: true },
  ],
}
