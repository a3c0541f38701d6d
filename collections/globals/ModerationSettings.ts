import type { GlobalConfig } from 'payload'

import { isModerator } from '../../access/isStaff'
import { forgetModerationSettings } from '../../hooks/comments/settings'

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
  hooks: { afterChange: [forgetModerationSettings] },
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
      admin: { description: 'Disguises of listed terms the engine reads through. Guesses (homophones, initials, broken words) hold a comment for review; turn one off for fewer holds.' },
      fields: [
        { name: 'homophones', type: 'checkbox', defaultValue: true, admin: { description: '啥逼, 傻币 for 傻逼 → hold' } },
        { name: 'pinyin', type: 'checkbox', defaultValue: true, admin: { description: 'sha bi, caonima, sha逼, 去4吧 → the term’s verdict' } },
        { name: 'initials', type: 'checkbox', defaultValue: true, admin: { description: 's b, c n m, T.M.D in Chinese text → hold' } },
        { name: 'brokenWords', type: 'checkbox', defaultValue: true, admin: { description: 'w hore, di ck head → hold' } },
        { name: 'masked', type: 'checkbox', defaultValue: true, admin: { description: 'f#ck → the term’s verdict; b*****d → hold' } },
        { name: 'contacts', type: 'checkbox', defaultValue: true, admin: { description: 'WeChat/QQ IDs and messaging handles → spam; phone numbers → hold' } },
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
  ],
}
