import type { CollectionConfig } from 'payload'

import { commentReadAccess, commentUpdateAccess, moderatorField, staffField, systemOnlyField } from '../../access/comments'
import { isModerator } from '../../access/isStaff'
import { anyone } from '../../access/publicRead'
import { hidePrivateFields } from '../../hooks/comments/hidePrivateFields'
import { forgetExamples, learnFromDecision, moderateComment, recordDecision } from '../../hooks/comments/moderateComment'
import { queueModeratorNotice } from '../../hooks/comments/queueModeratorNotice'
import { recountAfterDelete, recountComments } from '../../hooks/comments/recountComments'
import { commentCountsEndpoint } from '../../src/comments/endpoints/commentCounts'
import { formTokenEndpoint } from '../../src/comments/endpoints/formToken'
import { reportCommentEndpoint } from '../../src/comments/endpoints/reportComment'
import { submitCommentEndpoint } from '../../src/comments/endpoints/submitComment'
import { COMMENTS_SLUG, COMMENT_STATUSES, REPORT_REASONS } from '../../src/comments/constants'

export { COMMENTS_SLUG, COMMENT_STATUSES, REPORT_REASONS }

const moderatorOnly = { create: moderatorField, update: moderatorField }
const staffReadSystemWrite = { read: staffField, create: systemOnlyField, update: systemOnlyField }

/** Readers' comments under articles, with the moderation record of every decision. */
export const Comments: CollectionConfig = {
  slug: COMMENTS_SLUG,
  admin: {
    useAsTitle: 'body',
    defaultColumns: ['body', 'article', 'authorName', 'status', 'reportCount', 'createdAt'],
    listSearchableFields: ['body', 'authorName', 'authorEmail'],
  },
  versions: { maxPerDoc: 25 },
  trash: true,
  // Payload's edit-lock check runs outside the update's transaction (a second pool connection per update),
  // which starves the PostgreSQL pool when moderators decide many comments at once. Decisions are single
  // field changes recorded in the version history, so edit locks are not needed here.
  lockDocuments: false,
  access: {
    read: commentReadAccess,
    create: anyone,
    update: commentUpdateAccess,
    delete: isModerator,
  },
  // Thread read: top-level comments of an article (article, parent null, status, not trashed, date), replies by parent;
  // recount (article, status, not trashed: counted from the index alone, latest date from its end); duplicate check (article, fingerprint); new-commenter lookups (ipHash, date); the thread's validator (article, updatedAt).
  indexes: [
    { fields: ['article', 'parent', 'status', 'deletedAt', 'createdAt'] },
    { fields: ['parent', 'status', 'createdAt'] },
    { fields: ['article', 'status', 'deletedAt', 'createdAt'] },
    { fields: ['ipHash', 'createdAt'] },
    { fields: ['article', 'fingerprint'] },
    // The thread's ETag: how many comments the article has and the latest updatedAt among them (src/http/conditional.ts).
    { fields: ['article', 'updatedAt'] },
  ],
  endpoints: [formTokenEndpoint, commentCountsEndpoint, submitCommentEndpoint, reportCommentEndpoint],
  hooks: {
    beforeChange: [moderateComment, recordDecision],
    afterChange: [recountComments, queueModeratorNotice, learnFromDecision],
    beforeDelete: [forgetExamples],
    afterDelete: [recountAfterDelete],
    afterRead: [hidePrivateFields],
  },
  fields: [
    // Only moderators move a comment; an author edits the words, not where they stand or who wrote them.
    { name: 'article', type: 'relationship', relationTo: 'articles', required: true, index: true, access: { update: moderatorField } },
    { name: 'parent', type: 'relationship', relationTo: 'comments', access: { update: moderatorField } },
    { name: 'authorName', type: 'text', maxLength: 60 },
    { name: 'authorEmail', type: 'email', index: true, access: { read: staffField, update: moderatorField } },
    {
      name: 'authorUser',
      type: 'relationship',
      relationTo: 'users',
      index: true,
      access: { read: staffField, create: systemOnlyField, update: systemOnlyField },
    },
    // Plain text, stored as sent; never rendered to HTML by the API.
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
        // The learned offence score of the body (0–1); moderators and admins only.
        { name: 'offenseScore', type: 'number', index: true, access: { read: moderatorField, ...moderatorOnly } },
        {
          name: 'reasons',
          type: 'array',
          fields: [
            { name: 'code', type: 'text' },
            { name: 'term', type: 'text' },
            { name: 'start', type: 'number' },
            { name: 'end', type: 'number' },
            { name: 'detail', type: 'text' },
            { name: 'offenseScore', type: 'number' },
          ],
        },
        { name: 'decidedBy', type: 'text', admin: { description: '"system" or the id of the moderator' } },
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
    // The open reports: made since a moderator last decided (a decision, or PATCH {reportCount: 0}, settles them).
    { name: 'reportCount', type: 'number', defaultValue: 0, min: 0, access: moderatorOnly },
    { name: 'featured', type: 'checkbox', defaultValue: false, access: moderatorOnly },
    { name: 'ipHash', type: 'text', index: true, access: staffReadSystemWrite },
    { name: 'userAgentHash', type: 'text', access: staffReadSystemWrite },
    // Normalised body hash for the duplicate rule.
    { name: 'fingerprint', type: 'text', access: staffReadSystemWrite, admin: { hidden: true } },
    { name: 'editedAt', type: 'date', access: { create: systemOnlyField, update: systemOnlyField } },
  ],
}
