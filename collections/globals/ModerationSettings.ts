import type { GlobalConfig } from 'payload'

import { isModerator } from '../../access/isStaff'
import { forgetSettingsAfterSave } from '../../hooks/comments/settings'

import { DEFAULT_RETRAIN_AFTER } from '../../src/comments/offenseConstants'
import { MODERATION_SETTINGS_SLUG } from '../../src/comments/settings'

export { MODERATION_SETTINGS_SLUG }

/** How comments are moderated. Read on every comment, so changes apply at once. */
export const ModerationSettings: GlobalConfig = {
  slug: MODERATION_SETTINGS_SLUG,
  access: {
    read: isModerator,
    update: isModerator,
  },
  // Comments read the settings through a per-process copy checked against `updatedAt`; a save drops it here.
  hooks: { afterChange: [forgetSettingsAfterSave] },
  fields: [
    {
      name: 'mode',
      type: 'select',
      defaultValue: 'post',
      required: true,
      options: [
        { label: 'post: publish what passes', value: 'post' },
        { label: 'pre: hold everything for review', value: 'pre' },
      ],
    },
    { name: 'bannedTerms', type: 'text', hasMany: true },
    { name: 'suspectTerms', type: 'text', hasMany: true },
    { name: 'spamTerms', type: 'text', hasMany: true },
    { name: 'allowTerms', type: 'text', hasMany: true },
    { name: 'maxLinks', type: 'number', defaultValue: 1, min: 0 },
    {
      // Passed to createModerator as `readings`: the engine reads listed terms through these disguises too.
      name: 'readings',
      type: 'group',
      fields: [
        { name: 'homophones', type: 'checkbox', defaultValue: true },
        { name: 'pinyin', type: 'checkbox', defaultValue: true },
        { name: 'initials', type: 'checkbox', defaultValue: true },
        { name: 'brokenWords', type: 'checkbox', defaultValue: true },
        { name: 'masked', type: 'checkbox', defaultValue: true },
        { name: 'contacts', type: 'checkbox', defaultValue: true },
      ],
    },
    // Passed to createModerator as `phoneRegions` (ISO 3166 codes such as CN, AU); empty means CN.
    { name: 'phoneRegions', type: 'text', hasMany: true },
    { name: 'reportThreshold', type: 'number', defaultValue: 3, min: 1 },
    { name: 'holdNewCommenters', type: 'checkbox', defaultValue: false },
    { name: 'floodLimitPerMinute', type: 'number', defaultValue: 5, min: 1 },
    { name: 'requireEmail', type: 'checkbox', defaultValue: false },
    { name: 'closeAfterDays', type: 'number', min: 1 },
    { name: 'blockedAuthors', type: 'text', hasMany: true },
    { name: 'honeypot', type: 'checkbox', defaultValue: true },
    { name: 'minSecondsToSubmit', type: 'number', defaultValue: 0, min: 0 },
    // The learned offence score (src/moderation, "Offence score"; src/comments/learn.ts, retrain.ts).
    {
      name: 'offenseScoring',
      type: 'checkbox',
      defaultValue: true,
    },
    {
      name: 'offenseHoldAt',
      type: 'number',
      min: 0.01,
      max: 1,
    },
    {
      name: 'offenseRejectAt',
      type: 'number',
      min: 0.01,
      max: 1,
    },
    {
      name: 'retrainAfterDecisions',
      type: 'number',
      defaultValue: DEFAULT_RETRAIN_AFTER,
      min: 1,
    },
    // Set by the server when a model version becomes active (moderation-models); empty: the shipped model.
    {
      name: 'activeOffenseModel',
      type: 'text',
      access: { create: () => false, update: () => false },
      admin: { readOnly: true },
    },
  ],
}
