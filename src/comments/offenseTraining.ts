/**
 * One retraining, as pure work (no Payload): the shipped data plus the site's examples, a seeded share of the
 * site's examples held out to measure the result. Runs in a worker thread (offenseTrainer.worker.ts) or, where
 * no worker can start, in the job's own thread.
 */
import { evaluateOffenseModel, loadColdExamples, splitExamples, trainOffenseModel, type OffenseExample } from '../moderation'
import { SITE_SPLIT_SEED, SITE_VALIDATION_FRACTION } from './offenseConstants'

export interface SiteTrainingInput {
  site: OffenseExample[]
}

export interface SiteTrainingResult {
  serialized: string
  trainedAt: string
  seed: number
  holdAt: number
  baseExamples: number
  siteExamples: number
  validationExamples: number
  accuracy: number | null
  macroF1: number | null
}

export const trainSiteModel = ({ site }: SiteTrainingInput): SiteTrainingResult => {
  const { train, validation } = splitExamples(site, SITE_VALIDATION_FRACTION, SITE_SPLIT_SEED)
  const base = loadColdExamples()
  const model = trainOffenseModel(base, { siteExamples: train })
  const evaluation = validation.length > 0 ? evaluateOffenseModel(model, validation) : undefined
  return {
    serialized: model.serialize(),
    trainedAt: model.info.trainedAt,
    seed: model.info.seed,
    holdAt: model.holdAt,
    baseExamples: base.length,
    siteExamples: train.length,
    validationExamples: validation.length,
    accuracy: evaluation ? evaluation.accuracy : null,
    macroF1: evaluation ? evaluation.macroF1 : null,
  }
}
