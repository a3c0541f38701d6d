/**
 * Retraining the site's offence model: the shipped data (COLD's training split) plus the site's moderator
 * examples, each weighing SITE_EXAMPLE_WEIGHT base examples. A seeded 20 % of the site's examples is held out to
 * measure the new version (offenseTraining.ts, in a worker thread); the version is stored in `moderation-models`
 * and made active.
 */
import type { PayloadRequest } from 'payload'

import { createRequire } from 'node:module'
import { pathToFileURL } from 'node:url'
import { Worker } from 'node:worker_threads'

import type { OffenseExample } from '../moderation'
import { MODERATION_EXAMPLES_SLUG, MODERATION_MODELS_SLUG } from './offenseConstants'
import { trainSiteModel, type SiteTrainingInput, type SiteTrainingResult } from './offenseTraining'

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

/**
 * The worker's entry: registers tsx's loader inside the worker (Node 20 does not pass `--import tsx` hooks on to
 * workers), then loads offenseTrainer.worker.ts. tsx is a runtime dependency (`npm start` runs on it).
 */
const workerEntry = (): URL => {
  const require = createRequire(import.meta.url)
  const tsxEsmApi = pathToFileURL(require.resolve('tsx/esm/api').replace(/index\.cjs$/, 'index.mjs')).href
  const trainer = new URL('./offenseTrainer.worker.ts', import.meta.url).href
  const code = `import { register } from ${JSON.stringify(tsxEsmApi)}; register(); await import(${JSON.stringify(trainer)});`
  return new URL(`data:text/javascript,${encodeURIComponent(code)}`)
}

/**
 * Trains in a worker thread, so the process running the job queue keeps answering requests; where no worker can
 * start (a bundler that does not ship the worker file), in this thread. The answer is the same either way.
 */
const trainOffThread = (input: SiteTrainingInput): Promise<SiteTrainingResult> =>
  new Promise((resolve, reject) => {
    let settled = false
    const inThisThread = () => {
      if (settled) return
      settled = true
      try {
        resolve(trainSiteModel(input))
      } catch (error) {
        reject(error)
      }
    }
    try {
      const worker = new Worker(workerEntry(), { workerData: input })
      worker.once('message', (result: SiteTrainingResult) => {
        settled = true
        resolve(result)
        void worker.terminate()
      })
      worker.once('error', inThisThread)
      worker.once('exit', inThisThread)
    } catch {
      inThisThread()
    }
  })

/** Trains (off the request path, in a worker thread), stores and activates a new version. */
export const retrainOffenseModel = async (req: PayloadRequest): Promise<RetrainOutcome> => {
  const trained = await trainOffThread({ site: await readSiteExamples(req) })
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
      trainedAt: trained.trainedAt,
      baseExamples: trained.baseExamples,
      siteExamples: trained.siteExamples,
      validationExamples: trained.validationExamples,
      accuracy: trained.accuracy,
      macroF1: trained.macroF1,
      holdAt: trained.holdAt,
      seed: trained.seed,
      model: trained.serialized,
    } as never,
    overrideAccess: true,
    req,
  })
  return {
    id: String((doc as { id: number | string }).id),
    version,
    siteExamples: trained.siteExamples,
    validationExamples: trained.validationExamples,
    accuracy: trained.accuracy,
  }
}
