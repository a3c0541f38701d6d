/**
 * Training: naive-Bayes-weighted logistic regression (NB-LR, Wang & Manning
 * 2012) over hashed character n-grams, fitted with Adagrad SGD in an order
 * shuffled from a seed, so the same examples and seed give the same weights
 * bit for bit.
 *
 * Each example's feature vector: count of each n-gram bucket / √(n-grams in
 * the text), times the bucket's naive-Bayes log-count ratio
 * r = log((p + α)/‖p + α‖₁ ÷ (q + α)/‖q + α‖₁), p and q being the weighted
 * presence counts in offensive and safe examples.
 */
import { extractFeatures, FeatureBuffer, type FeatureSpec } from './features'
import { OffenseModel } from './model'

export type OffenseLabel = 'offensive' | 'safe'

export interface OffenseExample {
  text: string
  label: OffenseLabel
  /** how much this example counts (default 1; site examples: see SITE_EXAMPLE_WEIGHT) */
  weight?: number
}

export interface TrainOffenseOptions {
  /**
   * A site's own moderators' decisions. Each counts `siteWeight` times a base
   * example (unless it carries its own `weight`), so a few hundred decisions
   * move the model on what the site sees without unlearning the base data.
   */
  siteExamples?: OffenseExample[]
  /** weight of a site example (default SITE_EXAMPLE_WEIGHT) */
  siteWeight?: number
  /** shuffling seed (default 19) */
  seed?: number
  /** passes over the data (default 6) */
  epochs?: number
  /** hold threshold stored in the model (default DEFAULT_HOLD_AT) */
  holdAt?: number
  /** longest character n-gram (default 2: bigrams measured as accurate as trigrams, and faster) */
  maxN?: number
  /** log2 of the hash buckets (default 19: 2 MB of weights) */
  bits?: number
  /** Adagrad learning rate (default 0.2) */
  learningRate?: number
  /** L2 penalty per update on the touched weights (default 1e-6) */
  l2?: number
  /** naive-Bayes smoothing α (default 3: measured a little better than 1 on the validation slice and left-out topics) */
  nbAlpha?: number
  /** turn the naive-Bayes scaling off (plain logistic regression) */
  plain?: boolean
  /** figures to keep in the model's info */
  metrics?: Record<string, number>
  /** time stamp for info.trainedAt (default now); fixed in reproducible builds */
  trainedAt?: string
}

/**
 * A site example weighs as much as this many base examples. Measured with
 * `npm run bench:offense` (topic-learning experiment): 500 examples of a topic
 * the base data lacks, at this weight, raise that topic's accuracy without
 * costing the other topics.
 */
export const SITE_EXAMPLE_WEIGHT = 3

/** Hold threshold of models trained without one: the shipped model's (chosen by scripts/train-moderation.ts). */
export const DEFAULT_HOLD_AT = 0.82

export const DEFAULT_SEED = 19

function mulberry32(seed: number): () => number {
  let a = seed >>> 0
  return () => {
    a = (a + 0x6d2b79f5) | 0
    let t = Math.imul(a ^ (a >>> 15), 1 | a)
    t = (t + Math.imul(t ^ (t >>> 7), 61 | t)) ^ t
    return ((t ^ (t >>> 14)) >>> 0) / 4294967296
  }
}

interface Prepared {
  /** CSR rows: row i's features are idx[ptr[i] .. ptr[i+1]) */
  ptr: Int32Array
  idx: Int32Array
  val: Float64Array
  y: Uint8Array
  w: Float64Array
}

function checkExample(e: OffenseExample, where: string): void {
  if (!e || typeof e.text !== 'string') throw new Error(`${where}: text must be a string`)
  if (e.label !== 'offensive' && e.label !== 'safe') throw new Error(`${where}: label must be 'offensive' or 'safe'`)
  if (e.weight !== undefined && !(Number.isFinite(e.weight) && e.weight >= 0)) {
    throw new Error(`${where}: weight must be a number ≥ 0`)
  }
}

function prepare(all: { text: string; label: OffenseLabel; weight: number }[], spec: FeatureSpec): Prepared {
  const buf = new FeatureBuffer()
  const size = 1 << spec.bits
  const acc = new Float64Array(size)
  const touched = new Int32Array(size)
  const ptr = new Int32Array(all.length + 1)
  let idx = new Int32Array(all.length * 64)
  let val = new Float64Array(all.length * 64)
  let nnz = 0
  const y = new Uint8Array(all.length)
  const w = new Float64Array(all.length)
  for (let i = 0; i < all.length; i++) {
    extractFeatures(all[i].text, spec, buf)
    const c = buf.count
    let t = 0
    for (let j = 0; j < c; j++) {
      const b = buf.bucket[j]
      if (acc[b] === 0) touched[t++] = b
      acc[b] += 1
    }
    if (nnz + t > idx.length) {
      const ni = new Int32Array(Math.max(idx.length * 2, nnz + t))
      ni.set(idx)
      idx = ni
      const nv = new Float64Array(ni.length)
      nv.set(val)
      val = nv
    }
    // sorted buckets: the row's order (and so the sums) does not depend on the text's order
    const row = touched.subarray(0, t).sort()
    const norm = c > 0 ? 1 / Math.sqrt(c) : 0
    for (let j = 0; j < t; j++) {
      const b = row[j]
      idx[nnz] = b
      val[nnz] = acc[b] * norm
      nnz++
      acc[b] = 0
    }
    ptr[i + 1] = nnz
    y[i] = all[i].label === 'offensive' ? 1 : 0
    w[i] = all[i].weight
  }
  return { ptr, idx: idx.subarray(0, nnz), val: val.subarray(0, nnz), y, w }
}

/** naive-Bayes log-count ratio of every bucket (weighted presence counts) */
function nbRatios(d: Prepared, size: number, alpha: number): Float64Array {
  const p = new Float64Array(size).fill(alpha)
  const q = new Float64Array(size).fill(alpha)
  for (let i = 0; i < d.y.length; i++) {
    const target = d.y[i] ? p : q
    const wi = d.w[i]
    for (let k = d.ptr[i]; k < d.ptr[i + 1]; k++) target[d.idx[k]] += wi
  }
  let sp = 0
  let sq = 0
  for (let j = 0; j < size; j++) {
    sp += p[j]
    sq += q[j]
  }
  const r = new Float64Array(size)
  for (let j = 0; j < size; j++) r[j] = Math.log(p[j] / sp / (q[j] / sq))
  return r
}

/** Train an offence model on `examples` (plus `options.siteExamples`). */
export function trainOffenseModel(examples: OffenseExample[], options: TrainOffenseOptions = {}): OffenseModel {
  if (!Array.isArray(examples)) throw new Error('trainOffenseModel: examples must be an array')
  const site = options.siteExamples ?? []
  const siteWeight = options.siteWeight ?? SITE_EXAMPLE_WEIGHT
  if (!(Number.isFinite(siteWeight) && siteWeight >= 0)) throw new Error('trainOffenseModel: siteWeight must be ≥ 0')
  const spec: FeatureSpec = { maxN: options.maxN ?? 2, bits: options.bits ?? 19 }
  const seed = options.seed ?? DEFAULT_SEED
  const epochs = options.epochs ?? 6
  const lr = options.learningRate ?? 0.2
  const l2 = options.l2 ?? 1e-6
  const all: { text: string; label: OffenseLabel; weight: number }[] = []
  examples.forEach((e, i) => {
    checkExample(e, `example ${i}`)
    // weightless examples are left out entirely, so they cannot shift the shuffled order either
    if (e.weight !== 0) all.push({ text: e.text, label: e.label, weight: e.weight ?? 1 })
  })
  site.forEach((e, i) => {
    checkExample(e, `site example ${i}`)
    const weight = e.weight ?? siteWeight
    if (weight !== 0) all.push({ text: e.text, label: e.label, weight })
  })
  const positive = all.filter((e) => e.label === 'offensive').length
  if (positive === 0 || positive === all.length) {
    throw new Error('trainOffenseModel: needs both offensive and safe examples')
  }

  const size = 1 << spec.bits
  const d = prepare(all, spec)
  const r = options.plain ? null : nbRatios(d, size, options.nbAlpha ?? 3)
  if (r) for (let k = 0; k < d.idx.length; k++) d.val[k] *= r[d.idx[k]]

  const weights = new Float64Array(size)
  const g2 = new Float64Array(size)
  let bias = 0
  let biasG2 = 0
  const order = new Int32Array(all.length)
  for (let i = 0; i < order.length; i++) order[i] = i
  const random = mulberry32(seed)
  for (let epoch = 0; epoch < epochs; epoch++) {
    for (let i = order.length - 1; i > 0; i--) {
      const j = Math.floor(random() * (i + 1))
      const t = order[i]
      order[i] = order[j]
      order[j] = t
    }
    for (let o = 0; o < order.length; o++) {
      const i = order[o]
      const wi = d.w[i]
      const a = d.ptr[i]
      const b = d.ptr[i + 1]
      let z = bias
      for (let k = a; k < b; k++) z += weights[d.idx[k]] * d.val[k]
      const p = 1 / (1 + Math.exp(-z))
      const g = (p - d.y[i]) * wi
      for (let k = a; k < b; k++) {
        const j = d.idx[k]
        const grad = g * d.val[k] + l2 * weights[j]
        g2[j] += grad * grad
        weights[j] -= (lr * grad) / Math.sqrt(g2[j] + 1e-8)
      }
      biasG2 += g * g
      bias -= (lr * g) / Math.sqrt(biasG2 + 1e-8)
    }
  }

  const folded = new Float32Array(size)
  for (let j = 0; j < size; j++) folded[j] = r ? weights[j] * r[j] : weights[j]
  return new OffenseModel({
    spec,
    bias,
    weights: folded,
    holdAt: options.holdAt ?? DEFAULT_HOLD_AT,
    info: {
      trainedAt: options.trainedAt ?? new Date().toISOString(),
      examples: examples.length,
      siteExamples: site.length,
      siteWeight,
      seed,
      epochs,
      ...(options.metrics ? { metrics: options.metrics } : {}),
    },
  })
}
