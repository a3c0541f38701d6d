/** Slugs and defaults of the learned offence score's CMS side (here, so collections and hooks share them without a cycle). */
export const MODERATION_EXAMPLES_SLUG = 'moderation-examples'
export const MODERATION_MODELS_SLUG = 'moderation-models'
/** Retrain after this many new moderator decisions unless the settings say otherwise. */
export const DEFAULT_RETRAIN_AFTER = 100
/** The share of a site's examples held out to measure a retrained model, and the split's seed. */
export const SITE_VALIDATION_FRACTION = 0.2
export const SITE_SPLIT_SEED = 19
/** The labels a decision records: spam decisions are kept but never train the offence model. */
export const EXAMPLE_LABELS = ['offensive', 'safe', 'spam'] as const
export type ExampleLabel = (typeof EXAMPLE_LABELS)[number]
/** The Payload task that retrains the site's offence model (src/jobs/retrainOffenseModel.ts). */
export const RETRAIN_OFFENSE_TASK = 'retrainOffenseModel'
