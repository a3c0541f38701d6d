import { readFileSync, statSync } from 'node:fs'

import { beforeAll, describe, expect, it } from 'vitest'

import {
  createModerator,
  deserializeOffenseModel,
  evaluateOffenseModel,
  splitExamples,
  loadColdExamples,
  loadOffenseModel,
  OffenseModel,
  trainOffenseModel,
  type ColdExample,
  type OffenseExample,
} from '../../src/moderation/index'
import { splitColdExamples } from '../../src/moderation/offense/cold'
import { SHIPPED_MODEL_PATH } from '../../src/moderation/offense/shipped'
import { POLICY } from './helpers'

const OFFENSIVE = ['黑鬼滚出中国', '黑鬼都是垃圾', '河南人都是骗子']
const SAFE = ['今天天气不错，我们去公园散步吧', '这篇报道写得很客观，谢谢作者', '河南的烩面很好吃', '黑人运动员在奥运会上表现出色']

let shipped: OffenseModel
let cold: ColdExample[]
beforeAll(async () => {
  shipped = await loadOffenseModel()
  cold = loadColdExamples()
})

describe('the shipped model', () => {
  it('is one file of at most 5 MB, trained on all 25,726 COLD comments', () => {
    expect(statSync(SHIPPED_MODEL_PATH).size).toBeLessThanOrEqual(5 * 1024 * 1024)
    expect(cold).toHaveLength(25726)
    expect(shipped.info.examples).toBe(25726)
    expect(shipped.info.siteExamples).toBe(0)
  })

  it('is what training on the shipped data reproduces, byte for byte', () => {
    const again = trainOffenseModel(cold, {
      holdAt: shipped.holdAt,
      trainedAt: shipped.info.trainedAt,
      metrics: shipped.info.metrics,
    })
    expect(again.serialize() + '\n').toBe(readFileSync(SHIPPED_MODEL_PATH, 'utf8'))
  })

  it('scores offensive comments above the hold threshold and ordinary ones far below it', () => {
    expect(shipped.holdAt).toBeGreaterThan(0.5)
    expect(shipped.holdAt).toBeLessThan(1)
    for (const t of OFFENSIVE) expect(shipped.score(t), t).toBeGreaterThanOrEqual(shipped.holdAt)
    for (const t of SAFE) expect(shipped.score(t), t).toBeLessThan(0.3)
  })

  it('reads Traditional, full-width and invisible-laced text as the plain text', () => {
    const plain = shipped.score('黑鬼都是垃圾')
    expect(shipped.score('黑鬼都是垃圾')).toBe(plain)
    expect(shipped.score('黑\u200b鬼都是垃圾')).toBe(plain)
    expect(shipped.score('黑鬼都是垃圾')).toBeCloseTo(shipped.score('黑鬼都是垃圾'), 12)
  })

  it('gives a probability for any input, blank and very long included', () => {
    for (const t of ['', '   ', '\u200b', '🙂', 'a'.repeat(20000), '黑鬼'.repeat(3000)]) {
      const s = shipped.score(t)
      expect(s).toBeGreaterThanOrEqual(0)
      expect(s).toBeLessThanOrEqual(1)
    }
    // a non-string from a careless caller scores like blank text instead of throwing
    expect(shipped.score(undefined as unknown as string)).toBe(shipped.score(''))
  })
})

describe('training', () => {
  const small = () => splitColdExamples(loadColdExamples(), 0.1, 3).validation // ~2,570 comments

  it('is deterministic: the same examples and seed give the same model', () => {
    const a = trainOffenseModel(small(), { seed: 5, trainedAt: 'x' })
    const b = trainOffenseModel(small(), { seed: 5, trainedAt: 'x' })
    expect(a.serialize()).toBe(b.serialize())
    const c = trainOffenseModel(small(), { seed: 6, trainedAt: 'x' })
    expect(c.serialize()).not.toBe(a.serialize())
  })

  it('generalises: trained on 85% of COLD, ≥ 0.85 accuracy on the other 15%', () => {
    const { train, validation } = splitColdExamples(loadColdExamples(), 0.15, 7)
    const model = trainOffenseModel(train)
    const right = validation.filter((e) => model.score(e.text) >= 0.5 === (e.label === 'offensive')).length
    expect(right / validation.length).toBeGreaterThanOrEqual(0.85)
  })

  it('learns a new insult from 30 moderator rejections', () => {
    const insult = '蝈蝻货'
    const safe = cold.filter((e) => e.label === 'safe')
    const rejected: OffenseExample[] = safe
      .slice(0, 30)
      .map((e, i) => ({ text: i % 2 ? `${insult}，${e.text}` : `${e.text} 真是个${insult}`, label: 'offensive' }))
    const probes = ['你这个蝈蝻货', '楼上就是蝈蝻货吧', '蝈蝻货别说话了']
    for (const p of probes) expect(shipped.score(p), p).toBeLessThan(shipped.holdAt)
    const learned = trainOffenseModel(cold, { siteExamples: rejected })
    expect(learned.info.siteExamples).toBe(30)
    for (const p of probes) expect(learned.score(p), p).toBeGreaterThanOrEqual(learned.holdAt)
    // the ordinary words around it did not become offensive
    for (const t of SAFE) expect(learned.score(t), t).toBeLessThan(0.3)
  })

  it('weighs examples: a zero-weight example changes nothing, site examples carry siteWeight', () => {
    const base = small()
    const extra: OffenseExample = { text: '你这个蝈蝻货', label: 'offensive', weight: 0 }
    const a = trainOffenseModel(base, { trainedAt: 'x' })
    const b = trainOffenseModel([...base, extra], { trainedAt: 'x' })
    expect(b.score('你这个蝈蝻货')).toBe(a.score('你这个蝈蝻货'))
    const site = [{ text: '你这个蝈蝻货', label: 'offensive' as const }]
    const light = trainOffenseModel(base, { siteExamples: site, siteWeight: 1 })
    const heavy = trainOffenseModel(base, { siteExamples: site, siteWeight: 20 })
    expect(heavy.score('蝈蝻货')).toBeGreaterThan(light.score('蝈蝻货'))
  })

  it('refuses bad examples with a message naming the example', () => {
    expect(() => trainOffenseModel([{ text: 'x', label: 'rude' as 'safe' }])).toThrow(/example 0: label/)
    expect(() => trainOffenseModel([{ text: 1 as unknown as string, label: 'safe' }])).toThrow(/example 0: text/)
    expect(() => trainOffenseModel([{ text: 'a', label: 'safe' }], { siteExamples: [{ text: 'b', label: 'safe', weight: -1 }] })).toThrow(
      /site example 0: weight/,
    )
    expect(() => trainOffenseModel([{ text: 'a', label: 'safe' }])).toThrow(/both offensive and safe/)
  })
})

describe('explain', () => {
  it('lists the n-grams that pushed the score most, strongest first, as spans of the original text', () => {
    const body = '说真的黑鬼都是垃圾'
    const e = shipped.explain(body, 4)
    expect(e).toHaveLength(4)
    for (let i = 1; i < e.length; i++) expect(e[i - 1].weight).toBeGreaterThanOrEqual(e[i].weight)
    for (const x of e) {
      expect(x.weight).toBeGreaterThan(0)
      expect(body.slice(x.start, x.end)).toBe(x.text)
    }
    expect(e[0].text).toBe('黑鬼')
  })

  it('keeps UTF-16 offsets after emoji (two code units each)', () => {
    const body = '😀😀 黑鬼滚出中国 👍🏽'
    const top = shipped.explain(body, 1)[0]
    expect(top).toMatchObject({ text: '黑鬼', start: 5, end: 7 })
    expect(body.slice(top.start, top.end)).toBe('黑鬼')
  })

  it('covers combining marks with the character they sit on', () => {
    const body = 'zalgo 黑\u0301\u0336鬼\u0300 滚出中国'
    const top = shipped.explain(body, 1)[0]
    expect(top.text).toBe('黑\u0301\u0336鬼\u0300')
    expect(body.slice(top.start, top.end)).toBe(top.text)
    // the marks do not change what the model reads
    expect(shipped.score(body)).toBe(shipped.score('zalgo 黑鬼 滚出中国'))
  })

  it('maps Traditional and full-width forms back to what was written', () => {
    const body = 'Ｈｉ，黑鬼 滾出中國'
    for (const x of shipped.explain(body, 10)) expect(body.slice(x.start, x.end)).toBe(x.text)
  })

  it('explains the text it is given, whatever was scored before', () => {
    const a = '黑鬼滚出中国'
    const b = '说真的，河南人都是骗子'
    const fresh = deserializeOffenseModel(shipped.serialize())
    const expectedB = fresh.explain(b, 3)
    shipped.score(a)
    expect(shipped.explain(b, 3)).toEqual(expectedB)
    shipped.score(b)
    shipped.score(a)
    const e = shipped.explain(b, 3)
    expect(e).toEqual(expectedB)
    for (const x of e) expect(b.slice(x.start, x.end)).toBe(x.text)
  })

  it('gives nothing for blank text or k = 0', () => {
    expect(shipped.explain('', 5)).toEqual([])
    expect(shipped.explain('\u200b  ', 5)).toEqual([])
    expect(shipped.explain('黑鬼滚出中国', 0)).toEqual([])
  })
})

describe('serialisation', () => {
  it('round-trips: same scores, same explanations, same bytes', () => {
    const again = deserializeOffenseModel(shipped.serialize())
    expect(again.holdAt).toBe(shipped.holdAt)
    expect(again.info).toEqual(shipped.info)
    for (const t of [...OFFENSIVE, ...SAFE, '😀 mixed English text 黑鬼']) {
      expect(again.score(t)).toBe(shipped.score(t))
      expect(again.explain(t, 3)).toEqual(shipped.explain(t, 3))
    }
    expect(again.serialize()).toBe(shipped.serialize())
  })

  it('round-trips a freshly trained model too', () => {
    const m = trainOffenseModel(splitColdExamples(cold, 0.05, 1).validation, { bits: 12, maxN: 2, holdAt: 0.7 })
    const again = OffenseModel.deserialize(m.serialize())
    expect(again.spec).toEqual({ bits: 12, maxN: 2 })
    expect(again.holdAt).toBe(0.7)
    for (const t of SAFE) expect(again.score(t)).toBe(m.score(t))
  })

  it('refuses what is not a model, saying why', () => {
    expect(() => deserializeOffenseModel('nope')).toThrow(/not JSON/)
    expect(() => deserializeOffenseModel('{"format":"other"}')).toThrow(/unknown format/)
    const o = JSON.parse(shipped.serialize())
    expect(() => deserializeOffenseModel(JSON.stringify({ ...o, weights: o.weights.slice(0, 100) }))).toThrow(/weight bytes/)
    expect(() => deserializeOffenseModel(JSON.stringify({ ...o, holdAt: 2 }))).toThrow(/holdAt/)
  })
})

describe('the moderator with an offence model', () => {
  const plain = createModerator(POLICY)

  it('without one, verdicts and reasons are exactly as before', () => {
    const withUndefined = createModerator({ ...POLICY, offense: undefined })
    for (const body of [...OFFENSIVE, ...SAFE, 'you idiot', '傻逼', 'buy viagra http://x.com']) {
      const r = plain.check({ body })
      expect(r.offenseScore).toBeUndefined()
      expect(r.reasons.some((x) => x.code === 'likely_offensive')).toBe(false)
      expect(withUndefined.check({ body })).toEqual(r)
    }
    expect(plain.check({ body: '黑鬼滚出中国' }).verdict).toBe('approve')
  })

  it('holds a comment scoring at or above holdAt, with the score and highlights in the reason', () => {
    const m = createModerator({ ...POLICY, offense: { model: shipped, holdAt: shipped.holdAt } })
    const body = '说真的黑鬼都是垃圾'
    const r = m.check({ body })
    expect(r.verdict).toBe('hold')
    const reason = r.reasons.find((x) => x.code === 'likely_offensive')!
    expect(reason.detail).toMatch(/^likely offensive \([01]\.\d\d\)$/)
    expect(reason.offenseScore).toBe(r.offenseScore)
    expect(reason.highlights!.length).toBeGreaterThan(0)
    expect(body.slice(reason.start, reason.end)).toBe('黑鬼')
    for (const h of reason.highlights!) expect(body.slice(h.start, h.end)).toBe(h.text)
    // below the threshold: approved, the score still reported for the queue
    const ok = m.check({ body: SAFE[0] })
    expect(ok.verdict).toBe('approve')
    expect(ok.offenseScore).toBeLessThan(shipped.holdAt)
    expect(ok.reasons.some((x) => x.code === 'likely_offensive')).toBe(false)
  })

  it('applies the thresholds at their exact values', () => {
    const body = '女拳都是一群蠢货'
    const s = shipped.score(body)
    const at = createModerator({ ...POLICY, offense: { model: shipped, holdAt: s } }).check({ body })
    expect(at.verdict).toBe('hold')
    const above = createModerator({ ...POLICY, offense: { model: shipped, holdAt: Math.min(1, s + 1e-9) } }).check({ body })
    expect(above.verdict).toBe('approve')
    const rejected = createModerator({ ...POLICY, offense: { model: shipped, holdAt: s / 2, rejectAt: s } }).check({ body })
    expect(rejected.verdict).toBe('reject')
    expect(rejected.reasons.map((x) => x.code)).toContain('likely_offensive')
    const heldOnly = createModerator({ ...POLICY, offense: { model: shipped, holdAt: s / 2, rejectAt: Math.min(1, s + 1e-9) } }).check({ body })
    expect(heldOnly.verdict).toBe('hold')
  })

  it('never rejects on the score alone unless rejectAt is set', () => {
    const m = createModerator({ ...POLICY, offense: { model: shipped, holdAt: 0.01 } })
    for (const body of OFFENSIVE) expect(m.check({ body }).verdict).toBe('hold')
  })

  it('leaves rejections and spam as they are, and a held comment held', () => {
    const m = createModerator({ ...POLICY, offense: { model: shipped, holdAt: 0.01, rejectAt: 0.02 } })
    const banned = m.check({ body: '傻逼' })
    expect(banned.verdict).toBe('reject')
    expect(banned.reasons.map((x) => x.code)).not.toContain('likely_offensive')
    expect(m.check({ body: 'buy viagra now' }).verdict).toBe('spam')
    const held = createModerator({ ...POLICY, offense: { model: shipped, holdAt: 0.01 } }).check({ body: '黑鬼滚出中国 you idiot' })
    expect(held.verdict).toBe('hold')
    expect(held.reasons.map((x) => x.code)).toEqual(expect.arrayContaining(['suspect_term', 'likely_offensive']))
  })

  it('refuses thresholds that make no sense', () => {
    expect(() => createModerator({ ...POLICY, offense: { model: shipped, holdAt: 0 } })).toThrow(/holdAt/)
    expect(() => createModerator({ ...POLICY, offense: { model: shipped, holdAt: 1.5 } })).toThrow(/holdAt/)
    expect(() => createModerator({ ...POLICY, offense: { model: shipped, holdAt: 0.8, rejectAt: 0.5 } })).toThrow(/rejectAt/)
    expect(() => createModerator({ ...POLICY, offense: { model: {} as OffenseModel, holdAt: 0.8 } })).toThrow(/offense.model/)
  })
})

describe('measuring a model on held-out examples', () => {
  it('splits a site\'s decisions by label, reproducibly, and measures accuracy and held shares', () => {
    const decisions: OffenseExample[] = [
      ...OFFENSIVE.flatMap((t) => [t, `${t}！`, `说真的，${t}`]).map((text) => ({ text, label: 'offensive' as const })),
      ...SAFE.flatMap((t) => [t, `${t}。`, `我觉得${t}`]).map((text) => ({ text, label: 'safe' as const })),
    ]
    const a = splitExamples(decisions, 1 / 3, 9)
    expect(splitExamples(decisions, 1 / 3, 9)).toEqual(a)
    expect(a.validation.filter((e) => e.label === 'offensive')).toHaveLength(3)
    expect(a.validation.filter((e) => e.label === 'safe')).toHaveLength(4)
    expect(a.train).toHaveLength(decisions.length - 7)
    const all = evaluateOffenseModel(shipped, decisions)
    expect(all).toMatchObject({ examples: 21, accuracy: 1, macroF1: 1, heldSafe: 0, heldOffensive: 1 })
    // a threshold nothing reaches: every offensive example is missed
    const strict = evaluateOffenseModel(shipped, decisions, { threshold: 1.01, holdAt: 1.01 })
    expect(strict.accuracy).toBeCloseTo(12 / 21, 10)
    expect(strict.heldOffensive).toBe(0)
  })
})
