/**
 * The learned offence score: a linear model over hashed character n-grams.
 *
 *   logit(text) = bias + Σ_occurrences weight[bucket] / √(number of n-grams)
 *   score(text) = 1 / (1 + e^-logit)
 *
 * Weights already include the naive-Bayes feature scaling used in training,
 * so scoring is one table look-up per n-gram.
 */
import { extractFeatures, FeatureBuffer, type FeatureSpec } from './features'

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

export class OffenseModel {
  readonly spec: FeatureSpec
  readonly bias: number
  readonly weights: Float32Array
  /** default hold threshold: scores at or above it are held for review */
  readonly holdAt: number
  readonly info: OffenseModelInfo
  /** the n-grams of the text last scored, so explain() right after score() of the same text reads them again */
  private readonly buffer = new FeatureBuffer()
  private bufferText: string | undefined

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

  /** the model's logit for `text` (its n-grams left in this.buffer) */
  private logit(text: string): number {
    const buffer = this.buffer
    if (this.bufferText !== text) {
      extractFeatures(text, this.spec, buffer)
      this.bufferText = text
    }
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
    return 1 / (1 + Math.exp(-this.logit(typeof text === 'string' ? text : '')))
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
    const buffer = this.buffer
    const c = buffer.count
    if (c === 0 || !(k >= 1)) return []
    const scale = 1 / Math.sqrt(c)
    const w = this.weights
    const bucket = buffer.bucket
    const gramAt = buffer.gramAt
    const gramLen = buffer.gramLen
    const symStart = buffer.symStart
    const symEnd = buffer.symEnd
    // the k strongest occurrences, kept sorted by insertion (k is small); equal spans counted once
    const topW: number[] = []
    const topS: number[] = []
    const topE: number[] = []
    for (let i = 0; i < c; i++) {
      const contribution = w[bucket[i]] * scale
      if (!(contribution > 0)) continue
      if (topW.length >= k && contribution <= topW[topW.length - 1]) continue
      const first = gramAt[i]
      const start = symStart[first]
      const end = symEnd[first + gramLen[i] - 1]
      let dup = false
      for (let t = 0; t < topW.length; t++) {
        if (topS[t] === start && topE[t] === end) {
          dup = true
          break
        }
      }
      if (dup) continue
      let at = topW.length
      while (at > 0 && (topW[at - 1] < contribution || (topW[at - 1] === contribution && topS[at - 1] > start))) at--
      topW.splice(at, 0, contribution)
      topS.splice(at, 0, start)
      topE.splice(at, 0, end)
      if (topW.length > k) {
        topW.pop()
        topS.pop()
        topE.pop()
      }
    }
    return topW.map((weight, t) => ({
      text: original.slice(topS[t], topE[t]),
      start: topS[t],
      end: topE[t],
      weight: Math.round(weight * 10000) / 10000,
    }))
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
