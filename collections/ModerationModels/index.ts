import type { CollectionConfig } from 'payload'

import { isAdmin } from '../../access/isAdmin'
import { isModerator } from '../../access/isStaff'
import { activateOnlyThisModel, fallBackWhenActiveDeleted } from '../../hooks/comments/offenseModels'
import { retrainEndpoint } from '../../src/comments/endpoints/retrainOffenseModel'
import { MODERATION_MODELS_SLUG } from '../../src/comments/offenseConstants'

const nobody = () => false

/**
 * The site's retrained offence models, one document per version (written by the `retrainOffenseModel` job).
 * The active one scores every comment on every instance; an admin rolls back by marking an earlier one active.
 * Without any active version the shipped model is used.
 */
export const ModerationModels: CollectionConfig = {
  slug: MODERATION_MODELS_SLUG,
  admin: {
    useAsTitle: 'version',
    defaultColumns: ['version', 'active', 'trainedAt', 'siteExamples', 'accuracy'],
  },
  access: { read: isModerator, create: nobody, update: isAdmin, delete: isAdmin },
  // Every version stays as trained: the only change an admin makes is which one is active.
  hooks: { afterChange: [activateOnlyThisModel], afterDelete: [fallBackWhenActiveDeleted] },
  endpoints: [retrainEndpoint],
  defaultSort: '-version',
  fields: [
    { name: 'version', type: 'number', required: true, unique: true, access: { update: nobody } },
    { name: 'active', type: 'checkbox', defaultValue: false, index: true },
    { name: 'trainedAt', type: 'date', access: { update: nobody } },
    { name: 'baseExamples', type: 'number', access: { update: nobody } },
    { name: 'siteExamples', type: 'number', access: { update: nobody } },
    { name: 'validationExamples', type: 'number', access: { update: nobody } },
    { name: 'accuracy', type: 'number', access: { update: nobody } },
    { name: 'macroF1', type: 'number', access: { update: nobody } },
    { name: 'holdAt', type: 'number', access: { update: nobody } },
    { name: 'seed', type: 'number', access: { update: nobody } },
    // ~2.8 MB of JSON: read by the server only (hidden from the API and the admin).
    // (maxLength: Payload's default cap of 40,000 characters for text would refuse it)
    { name: 'model', type: 'textarea', required: true, maxLength: 16_000_000, access: { read: nobody, update: nobody }, admin: { hidden: true } },
  ],
}
