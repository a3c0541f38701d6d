/** How well a model separates labelled examples: for benchmarks and for a site's held-out decisions. */
import type { OffenseModel } from './model'
import type { OffenseLabel } from './train'

export interface OffenseEvaluation {
  examples: number
  /** share classified right at `threshold` */
  accuracy: number
  /** mean of the offensive and safe F1 scores at `threshold` */
  macroF1: number
  /** share of safe / offensive examples scoring at or above `holdAt` (the model's unless given) */
  heldSafe: number
  heldOffensive: number
}

export function evaluateOffenseModel(
  model: OffenseModel,
  examples: { text: string; label: OffenseLabel }[],
  options: { threshold?: number; holdAt?: number } = {},
): OffenseEvaluation {
  const threshold = options.threshold ?? 0.5
  const holdAt = options.holdAt ?? model.holdAt
  let tp = 0, fp = 0, tn = 0, fn = 0
  let safe = 0, offensive = 0, safeHeld = 0, offensiveHeld = 0
  for (const e of examples) {
    const s = model.score(e.text)
    const y = e.label === 'offensive'
    const p = s >= threshold
    if (p && y) tp++
    else if (p) fp++
    else if (y) fn++
    else tn++
    if (y) {
      offensive++
      if (s >= holdAt) offensiveHeld++
    } else {
      safe++
      if (s >= holdAt) safeHeld++
    }
  }
  const n = examples.length
  const f1Offensive = tp + fp + fn === 0 ? 1 : (2 * tp) / (2 * tp + fp + fn)
  const f1Safe = tn + fn + fp === 0 ? 1 : (2 * tn) / (2 * tn + fn + fp)
  return {
    examples: n,
    accuracy: n === 0 ? 0 : (tp + tn) / n,
    macroF1: (f1Offensive + f1Safe) / 2,
    heldSafe: safe === 0 ? 0 : safeHeld / safe,
    heldOffensive: offensive === 0 ? 0 : offensiveHeld / offensive,
  }
}
