/**
 * The learned offence score: a linear model over hashed character n-grams.
 *
 *   logit(text) = bias + Σ_occurrences weight[bucket] / √(number of n-grams)
 *   score(text) = 1 / (1 + e^-logit)
 *
 * Weights already include the naive-Bayes feature scaling used in training,
 * so scoring is one table look-up per n-gram.
 */
import { extractFeatures, FeatureBuffer, sumWeights, type FeatureSpec } from './features'

export const OFFENSE_MODEL_FORMAT = 'payload-newsroom/offense-model@1'

/** One n-gram that pushed a text's score towards "offensive". */
export interface OffenseExplanation {
  /** text.slice(start, end): the n-gram as written in the original text */
  text: string
  /** UTF-16 offsets into the original text */
  start: number
  end: number
  /** its contribution to the logit (positive = towards offensive) */
  weight: number
}

export interface OffenseModelInfo {
  /** ISO time the model was trained */
  trainedAt: string
  /** training examples (base data, without site examples) */
  examples: number
  /** site (moderator) examples among the training examples */
  siteExamples: number
  /** weight each site example carried */
  siteWeight: number
  seed: number
  epochs: number
  /** free-form figures written by the trainer (e.g. validation accuracy) */
  metrics?: Record<string, number>
}

export interface OffenseModelParams {
  spec: FeatureSpec
  bias: number
  weights: Float32Array
  holdAt: number
  info: OffenseModelInfo
}

const buffer = new FeatureBuffer()

export class OffenseModel {
  readonly spec: FeatureSpec
  readonly bias: number
  readonly weights: Float32Array
  /** default hold threshold: scores at or above it are held for review */
  readonly holdAt: number
  readonly info: OffenseModelInfo

  constructor(p: OffenseModelParams) {
    if (p.weights.length !== 1 << p.spec.bits) {
      throw new Error(`offence model: ${p.weights.length} weights for ${p.spec.bits} hash bits`)
    }
    if (!(p.holdAt > 0 && p.holdAt < 1)) throw new Error('offence model: holdAt must lie between 0 and 1')
    this.spec = { maxN: p.spec.maxN, bits: p.spec.bits }
    this.bias = p.bias
    this.weights = p.weights
    this.holdAt = p.holdAt
    this.info = p.info
  }

  /** the model's logit for `text` (features left in the shared buffer) */
  private logit(text: string): number {
    extractFeatures(typeof text === 'string' ? text : '', this.spec, buffer)
    const c = buffer.count
    if (c === 0) return this.bias
    const w = this.weights
    const bucket = buffer.bucket
    let sum = 0
    for (let i = 0; i < c; i++) sum += w[bucket[i]]
    return this.bias + sum / Math.sqrt(c)
  }

  /** probability that `text` is offensive, 0..1 */
  score(text: string): number {
    const r = sumWeights(typeof text === 'string' ? text : '', this.spec, this.weights, buffer)
    const logit = r.count === 0 ? this.bias : this.bias + r.sum / Math.sqrt(r.count)
    return 1 / (1 + Math.exp(-logit))
  }

  /**
   * The k n-gram occurrences that pushed the score furthest towards offensive,
   * strongest first, with their spans in the original text. N-grams that only
   * pull towards safe are left out; an n-gram inside a longer listed one is
   * kept (highlights may overlap).
   */
  explain(text: string, k = 5): OffenseExplanation[] {
    const original = typeof text === 'string' ? text : ''
    this.logit(original)
    const c = buffer.count
    if (c === 0 || k <= 0) return []
    const scale = 1 / Math.sqrt(c)
    const w = this.weights
    const found: OffenseExplanation[] = []
    const seen = new Set<number>()
    for (let i = 0; i < c; i++) {
      const contribution = w[buffer.bucket[i]] * scale
      if (!(contribution > 0)) continue
      const first = buffer.gramAt[i]
      const start = buffer.symStart[first]
      const end = buffer.symEnd[first + buffer.gramLen[i] - 1]
      const key = start * 0x10000 + (end - start)
      if (seen.has(key)) continue
      seen.add(key)
      found.push({ text: original.slice(start, end), start, end, weight: contribution })
    }
    found.sort((a, b) => b.weight - a.weight || a.start - b.start || a.end - b.end)
    return found.slice(0, k).map((e) => ({ ...e, weight: Math.round(e.weight * 10000) / 10000 }))
  }

  /** the model as one JSON string (weights as base64 float32, little-endian) */
  serialize(): string {
    const bytes = new Uint8Array(this.weights.length * 4)
    const view = new DataView(bytes.buffer)
    for (let i = 0; i < this.weights.length; i++) view.setFloat32(i * 4, this.weights[i], true)
    return JSON.stringify({
      format: OFFENSE_MODEL_FORMAT,
      maxN: this.spec.maxN,
      bits: this.spec.bits,
      bias: this.bias,
      holdAt: this.holdAt,
      info: this.info,
      weights: Buffer.from(bytes).toString('base64'),
    })
  }

  static deserialize(serialized: string): OffenseModel {
    let raw: unknown
    try {
      raw = JSON.parse(serialized)
    } catch {
      throw new Error('offence model: not JSON')
    }
    const o = raw as Record<string, unknown>
    if (!o || o.format !== OFFENSE_MODEL_FORMAT) {
      throw new Error(`offence model: unknown format (expected ${OFFENSE_MODEL_FORMAT})`)
    }
    const maxN = o.maxN
    const bits = o.bits
    if (!Number.isInteger(maxN) || (maxN as number) < 1 || (maxN as number) > 8) throw new Error('offence model: bad maxN')
    if (!Number.isInteger(bits) || (bits as number) < 8 || (bits as number) > 24) throw new Error('offence model: bad bits')
    if (typeof o.bias !== 'number' || typeof o.holdAt !== 'number' || typeof o.weights !== 'string') {
      throw new Error('offence model: missing bias, holdAt or weights')
    }
    const bytes = Buffer.from(o.weights, 'base64')
    const n = 1 << (bits as number)
    if (bytes.length !== n * 4) throw new Error(`offence model: ${bytes.length} weight bytes, expected ${n * 4}`)
    const weights = new Float32Array(n)
    const view = new DataView(bytes.buffer, bytes.byteOffset, bytes.byteLength)
    for (let i = 0; i < n; i++) weights[i] = view.getFloat32(i * 4, true)
    return new OffenseModel({
      spec: { maxN: maxN as number, bits: bits as number },
      bias: o.bias,
      weights,
      holdAt: o.holdAt,
      info: o.info as OffenseModelInfo,
    })
  }
}

export function deserializeOffenseModel(serialized: string): OffenseModel {
  return OffenseModel.deserialize(serialized)
}
