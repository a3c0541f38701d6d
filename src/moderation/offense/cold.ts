/**
 * COLDataset's training split, shipped with the package (data/, Apache-2.0;
 * see data/NOTICE): the base data of every offence model.
 */
import { readFileSync } from 'node:fs'
import path from 'node:path'
import { fileURLToPath } from 'node:url'

import type { OffenseLabel } from './train'

export type ColdTopic = 'race' | 'region' | 'gender'

export interface ColdExample {
  text: string
  label: OffenseLabel
  topic: ColdTopic
}

// path.dirname(fileURLToPath(import.meta.url)) rather than new URL(…, import.meta.url): Next's bundler rewrites the
// latter into a URL of another realm, which fileURLToPath refuses while the admin's pages are built.
export const COLD_TRAIN_PATH = path.join(path.dirname(fileURLToPath(import.meta.url)), 'data', 'cold-train.jsonl')

let cached: ColdExample[] | undefined

/** The 25,726 labelled comments of COLD's training split, in file order. */
export function loadColdExamples(): ColdExample[] {
  if (cached) return cached
  const lines = readFileSync(COLD_TRAIN_PATH, 'utf8').split('\n')
  const out: ColdExample[] = []
  for (const line of lines) {
    if (line.trim() === '') continue
    const o = JSON.parse(line) as ColdExample
    out.push({ text: o.text, label: o.label, topic: o.topic })
  }
  cached = out
  return out
}

/**
 * A seeded split that keeps each label's (and topic's, where examples have
 * one) share: `fraction` of every group goes to `validation`, the rest to
 * `train`. The same examples and seed give the same split. Used for COLD's
 * validation slice and for holding out part of a site's examples.
 */
export function splitExamples<T extends { label: OffenseLabel; topic?: string }>(
  examples: T[],
  fraction: number,
  seed: number,
): { train: T[]; validation: T[] } {
  const groups = new Map<string, number[]>()
  examples.forEach((e, i) => {
    const key = `${e.topic ?? ''}/${e.label}`
    let g = groups.get(key)
    if (!g) groups.set(key, (g = []))
    g.push(i)
  })
  const inValidation = new Uint8Array(examples.length)
  let s = seed >>> 0
  const random = () => {
    s = (s + 0x6d2b79f5) | 0
    let t = Math.imul(s ^ (s >>> 15), 1 | s)
    t = (t + Math.imul(t ^ (t >>> 7), 61 | t)) ^ t
    return ((t ^ (t >>> 14)) >>> 0) / 4294967296
  }
  for (const key of [...groups.keys()].sort()) {
    const g = groups.get(key)!
    for (let i = g.length - 1; i > 0; i--) {
      const j = Math.floor(random() * (i + 1))
      ;[g[i], g[j]] = [g[j], g[i]]
    }
    const take = Math.round(g.length * fraction)
    for (let k = 0; k < take; k++) inValidation[g[k]] = 1
  }
  return {
    train: examples.filter((_, i) => !inValidation[i]),
    validation: examples.filter((_, i) => inValidation[i] === 1),
  }
}

/** splitExamples for COLD (groups by topic × label) */
export const splitColdExamples = splitExamples<ColdExample>
