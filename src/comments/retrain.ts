/**
 * Retraining the site's offence model: the shipped data (COLD's training split) plus the site's moderator
 * examples, each weighing SITE_EXAMPLE_WEIGHT base examples. A seeded 20 % of the site's examples is held out to
 * measure the new version; the version is stored in `moderation-models` and made active.
 */
import type { PayloadRequest } from 'payload'

import { evaluateOffenseModel, loadColdExamples, splitExamples, trainOffenseModel, type OffenseExample } from '../moderation'
import { MODERATION_EXAMPLES_SLUG, MODERATION_MODELS_SLUG, SITE_SPLIT_SEED, SITE_VALIDATION_FRACTION } from './offenseConstants'

/** At most this many of the latest site examples train a model (each is a few hundred bytes; the cap bounds memory). */
export const MAX_SITE_EXAMPLES = 50_000
const PAGE = 1_000

export interface RetrainOutcome {
  id: string
  version: number
  siteExamples: number
  validationExamples: number
  accuracy: number | null
}

const readSiteExamples = async (req: PayloadRequest): Promise<OffenseExample[]> => {
  const examples: OffenseExample[] = []
  for (let page = 1; examples.length < MAX_SITE_EXAMPLES; page++) {
    const result = await req.payload.find({
      collection: MODERATION_EXAMPLES_SLUG as never,
      where: { label: { in: ['offensive', 'safe'] } },
      sort: '-createdAt',
      limit: PAGE,
      page,
      depth: 0,
      select: { text: true, label: true } as never,
      overrideAccess: true,
      req,
    })
    for (const doc of result.docs as unknown as { text: string; label: 'offensive' | 'safe' }[]) examples.push({ text: doc.text, label: doc.label })
    if (!result.hasNextPage) break
  }
  return examples.slice(0, MAX_SITE_EXAMPLES)
}

/** Trains, stores and activates a new version. CPU-bound for seconds: run it from the job, never in a request. */
export const retrainOffenseModel = async (req: PayloadRequest): Promise<RetrainOutcome> => {
  const site = await readSiteExamples(req)
  const { train, validation } = splitExamples(site, SITE_VALIDATION_FRACTION, SITE_SPLIT_SEED)
  const base = loadColdExamples()
  const model = trainOffenseModel(base, { siteExamples: train })
  const evaluation = validation.length > 0 ? evaluateOffenseModel(model, validation) : undefined
  const latest = await req.payload.find({
    collection: MODERATION_MODELS_SLUG as never,
    sort: '-version',
    limit: 1,
    depth: 0,
    select: { version: true } as never,
    overrideAccess: true,
    req,
  })
  const version = (((latest.docs[0] as { version?: number } | undefined)?.version ?? 0) as number) + 1
  const doc = await req.payload.create({
    collection: MODERATION_MODELS_SLUG as never,
    data: {
      version,
      active: true,
      trainedAt: model.info.trainedAt,
      baseExamples: base.length,
      siteExamples: train.length,
      validationExamples: validation.length,
      accuracy: evaluation ? evaluation.accuracy : null,
      macroF1: evaluation ? evaluation.macroF1 : null,
      holdAt: model.holdAt,
      seed: model.info.seed,
      model: model.serialize(),
    } as never,
    overrideAccess: true,
    req,
  })
  return {
    id: String((doc as { id: number | string }).id),
    version,
    siteExamples: train.length,
    validationExamples: validation.length,
    accuracy: evaluation ? evaluation.accuracy : null,
  }
}
