/** The learned offence score (see ../README.md, "Offence score"). */
export {
  OffenseModel,
  deserializeOffenseModel,
  OFFENSE_MODEL_FORMAT,
  type OffenseExplanation,
  type OffenseModelInfo,
} from './model'
export {
  trainOffenseModel,
  SITE_EXAMPLE_WEIGHT,
  DEFAULT_HOLD_AT,
  DEFAULT_SEED,
  type OffenseExample,
  type OffenseLabel,
  type TrainOffenseOptions,
} from './train'
export { loadOffenseModel, SHIPPED_MODEL_PATH } from './shipped'
export { loadColdExamples, splitColdExamples, splitExamples, COLD_TRAIN_PATH, type ColdExample, type ColdTopic } from './cold'
export { evaluateOffenseModel, type OffenseEvaluation } from './evaluate'
