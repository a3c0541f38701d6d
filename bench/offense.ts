/**
 * Offence-model benchmark.
 *
 *   npm run bench:offense
 *
 * COLD's test split is held out, so everything here is measured on a seeded
 * validation slice (15 %, stratified by topic × label) of the training split,
 * with a model trained on the other 85 % (the shipped model has seen the slice):
 *
 *   1. accuracy and macro-F1 at 0.5; held safe / held offensive at the shipped holdAt
 *   2. topic learning: a base model without one topic (region, gender, race in turn),
 *      then the same with 500 examples of that topic as siteExamples (SITE_EXAMPLE_WEIGHT);
 *      every topic's accuracy before and after (two seeded draws of the 500, averaged)
 *   3. speed: scoring a ~300-character mixed Chinese/English stream (one core),
 *      the engine alone and with scoring on, obscenity on the same stream
 *   4. retraining on 25,726 + 5,000 site examples; loading the shipped model
 *
 * Prints a table and writes bench/results/offense.json.
 */
import { mkdirSync, readFileSync, writeFileSync } from 'node:fs'
import os from 'node:os'
import { dirname, resolve } from 'node:path'
import { fileURLToPath } from 'node:url'
import { performance } from 'node:perf_hooks'

import { RegExpMatcher, englishRecommendedTransformers, parseRawPattern } from 'obscenity'

import { createModerator, type ModerationPolicy } from '../src/moderation/index'
import { loadColdExamples, splitColdExamples, type ColdExample, type ColdTopic } from '../src/moderation/offense/cold'
import { evaluateOffenseModel } from '../src/moderation/offense/evaluate'
import { OffenseModel } from '../src/moderation/offense/model'
import { SHIPPED_MODEL_PATH } from '../src/moderation/offense/shipped'
import { SITE_EXAMPLE_WEIGHT, trainOffenseModel } from '../src/moderation/offense/train'
import { rng } from '../test/moderation/helpers'

const here = dirname(fileURLToPath(import.meta.url))
const root = resolve(here, '..')
const TOPICS: ColdTopic[] = ['region', 'gender', 'race']
const VALIDATION_SHARE = 0.15
const SPLIT_SEED = 7
const SITE_DRAW_SEEDS = [101, 202]

// the benchmark policy from the shared moderation README (as bench/moderation.ts)
const BANNED = 'fuck shit bitch asshole cunt bastard dickhead motherfucker whore slut 傻逼 操你妈 草泥马 狗日的 王八蛋 贱人 去死吧 他妈的'.split(' ')
const SUSPECT = 'idiot moron stupid 白痴 脑残'.split(' ')
const SPAM = 'viagra casino 代开发票 加微信 兼职日结 博彩'.split(' ')
const POLICY: ModerationPolicy = { bannedTerms: BANNED, suspectTerms: SUSPECT, spamTerms: SPAM, maxLinks: 1 }

function quality(model: OffenseModel, rows: ColdExample[]): { n: number; accuracy: number; macroF1: number } {
  const e = evaluateOffenseModel(model, rows)
  return { n: e.examples, accuracy: e.accuracy, macroF1: e.macroF1 }
}

function heldShares(model: OffenseModel, rows: ColdExample[], at: number): { heldSafe: number; heldOffensive: number } {
  const e = evaluateOffenseModel(model, rows, { holdAt: at })
  return { heldSafe: e.heldSafe, heldOffensive: e.heldOffensive }
}

function draw<T>(rows: T[], count: number, seed: number): T[] {
  const rnd = rng(seed)
  const idx = rows.map((_, i) => i)
  for (let i = idx.length - 1; i > 0; i--) {
    const j = Math.floor(rnd() * (i + 1))
    ;[idx[i], idx[j]] = [idx[j], idx[i]]
  }
  return idx.slice(0, count).map((i) => rows[i])
}

/** ~300 UTF-16 units per comment: COLD comments and English sentences from the dev corpus, mixed */
function mixedStream(zh: string[], en: string[], count: number, seed: number): string[] {
  const rnd = rng(seed)
  const out: string[] = []
  for (let i = 0; i < count; i++) {
    const parts: string[] = []
    let len = 0
    while (len < 300) {
      const pool = rnd() < 0.5 ? zh : en
      const s = pool[Math.floor(rnd() * pool.length)]
      parts.push(s)
      len += s.length + 1
    }
    out.push(parts.join(' ').slice(0, 300))
  }
  return out
}

interface Rate {
  /** comments per second of wall-clock time */
  wall: number
  /** comments per second of this process's CPU time: one core's rate even when other work shares the machine */
  cpu: number
}

function perSecond(fn: (t: string) => unknown, stream: string[], seconds: number): Rate {
  for (const t of stream) fn(t) // warm-up
  let n = 0
  const t0 = performance.now()
  const c0 = process.cpuUsage()
  let elapsed = 0
  do {
    for (const t of stream) fn(t)
    n += stream.length
    elapsed = performance.now() - t0
  } while (elapsed < seconds * 1000)
  const c = process.cpuUsage(c0)
  return { wall: (n / elapsed) * 1000, cpu: n / ((c.user + c.system) / 1e6) }
}

const best = (a: Rate, b: Rate): Rate => ({ wall: Math.max(a.wall, b.wall), cpu: Math.max(a.cpu, b.cpu) })

const pct = (x: number) => `${(x * 100).toFixed(1)}%`
const f4 = (x: number) => x.toFixed(4)
const rate = (x: number) => `${Math.round(x).toLocaleString('en-US')}/s`
const rates = (r: Rate) => `${rate(r.cpu)} (wall ${rate(r.wall)})`

function main(): void {
  const all = loadColdExamples()
  const { train, validation } = splitColdExamples(all, VALIDATION_SHARE, SPLIT_SEED)

  // ---- loading the shipped model ---------------------------------------------------
  const loads: number[] = []
  let shipped!: OffenseModel
  for (let k = 0; k < 5; k++) {
    const t0 = performance.now()
    shipped = OffenseModel.deserialize(readFileSync(SHIPPED_MODEL_PATH, 'utf8'))
    loads.push(performance.now() - t0)
  }
  loads.sort((a, b) => a - b)
  const loadMs = loads[2]
  const modelBytes = readFileSync(SHIPPED_MODEL_PATH).length
  const holdAt = shipped.holdAt

  // ---- 1. accuracy on the validation slice ------------------------------------------
  const t0 = performance.now()
  const model = trainOffenseModel(train)
  const trainSeconds = (performance.now() - t0) / 1000
  const overall = quality(model, validation)
  const byTopic = Object.fromEntries(TOPICS.map((t) => [t, quality(model, validation.filter((e) => e.topic === t))]))
  const held = heldShares(model, validation, holdAt)
  const thresholds = [0.5, 0.6, 0.7, 0.8, holdAt, 0.9, 0.95]
    .filter((x, i, a) => a.indexOf(x) === i)
    .sort((a, b) => a - b)
    .map((at) => ({ at, ...heldShares(model, validation, at) }))

  // ---- 2. topic learning -------------------------------------------------------------------
  // the base models also give the shift proxy: every topic scored by a model that never saw it
  const unseen = { safe: 0, safeHeld: 0, offensive: 0, offensiveHeld: 0 }
  const learning = TOPICS.map((topic) => {
    const base = trainOffenseModel(train.filter((e) => e.topic !== topic))
    const onTopic = evaluateOffenseModel(base, validation.filter((e) => e.topic === topic), { holdAt })
    const safeN = validation.filter((e) => e.topic === topic && e.label === 'safe').length
    const offensiveN = validation.filter((e) => e.topic === topic && e.label === 'offensive').length
    unseen.safe += safeN
    unseen.safeHeld += onTopic.heldSafe * safeN
    unseen.offensive += offensiveN
    unseen.offensiveHeld += onTopic.heldOffensive * offensiveN
    const before = Object.fromEntries(TOPICS.map((t) => [t, quality(base, validation.filter((e) => e.topic === t)).accuracy]))
    const pool = train.filter((e) => e.topic === topic)
    const after = Object.fromEntries(TOPICS.map((t) => [t, 0])) as Record<ColdTopic, number>
    for (const seed of SITE_DRAW_SEEDS) {
      const site = draw(pool, 500, seed).map((e) => ({ text: e.text, label: e.label }))
      const learned = trainOffenseModel(train.filter((e) => e.topic !== topic), { siteExamples: site })
      for (const t of TOPICS) after[t] += quality(learned, validation.filter((e) => e.topic === t)).accuracy / SITE_DRAW_SEEDS.length
    }
    const change = Object.fromEntries(TOPICS.map((t) => [t, after[t] - before[t]])) as Record<ColdTopic, number>
    return { leftOut: topic, before, after, change }
  })
  const meanRise = learning.reduce((s, l) => s + l.change[l.leftOut], 0) / learning.length
  const worstOtherChange = Math.min(...learning.flatMap((l) => TOPICS.filter((t) => t !== l.leftOut).map((t) => l.change[t])))

  // ---- 3. speed ---------------------------------------------------------------------------------
  const en = readFileSync(resolve(root, 'test/fixtures/dev-corpus.jsonl'), 'utf8')
    .split('\n')
    .filter((l) => l.trim())
    .map((l) => JSON.parse(l) as { text: string; lang?: string; label: string })
    .filter((r) => r.lang === 'en' && r.label === 'clean')
    .map((r) => r.text)
  const stream = mixedStream(validation.map((e) => e.text), en, 2000, 20261202)
  const meanLength = stream.reduce((a, s) => a + s.length, 0) / stream.length
  const seconds = 1.5
  const engine = createModerator(POLICY)
  const engineWithScore = createModerator({ ...POLICY, offense: { model: shipped, holdAt } })
  const obscenity = new RegExpMatcher({
    blacklistedTerms: BANNED.map((t, id) => ({ id, pattern: parseRawPattern(t) })),
    ...englishRecommendedTransformers,
  })
  const zero: Rate = { wall: 0, cpu: 0 }
  let scoreCps = zero, engineCps = zero, engineScoreCps = zero, obscenityCps = zero
  // interleaved, best of three each, so a burst of other work on the machine hits all alike
  for (let k = 0; k < 3; k++) {
    scoreCps = best(scoreCps, perSecond((t) => shipped.score(t), stream, seconds))
    engineCps = best(engineCps, perSecond((t) => engine.check({ body: t }), stream, seconds))
    engineScoreCps = best(engineScoreCps, perSecond((t) => engineWithScore.check({ body: t }), stream, seconds))
    obscenityCps = best(obscenityCps, perSecond((t) => obscenity.hasMatch(t), stream, seconds))
  }
  const cpuCores = os.cpus().length
  const load = os.loadavg()[0]

  // ---- 4. retraining on the shipped data + 5,000 site examples ------------------------------------
  const site = draw(all, 5000, 55).map((e) => ({ text: e.text, label: e.label }))
  const r0 = performance.now()
  trainOffenseModel(all, { siteExamples: site })
  const retrainSeconds = (performance.now() - r0) / 1000

  // ---- report ---------------------------------------------------------------------------------------
  const lines = [
    `COLD training split: ${all.length} comments; validation slice ${validation.length} (${VALIDATION_SHARE * 100}%, seed ${SPLIT_SEED}), trained on ${train.length} in ${trainSeconds.toFixed(1)} s`,
    '',
    `speed: comments per second of CPU time on one core (wall-clock in brackets); ${cpuCores} cores, load average ${load.toFixed(1)} while measuring`,
    '',
    '| measure | value | target (on COLD test) |',
    '|---|---|---|',
    `| accuracy at 0.5 | ${f4(overall.accuracy)} | ≥ 0.81 |`,
    `| macro-F1 at 0.5 | ${f4(overall.macroF1)} | ≥ 0.80 |`,
    ...TOPICS.map((t) => `| accuracy, ${t} (${byTopic[t].n}) | ${f4(byTopic[t].accuracy)} | |`),
    `| safe held at holdAt ${holdAt} | ${pct(held.heldSafe)} | ≤ 5% |`,
    `| offensive held at holdAt ${holdAt} | ${pct(held.heldOffensive)} | ≥ 45% |`,
    `| same, each topic scored by a model trained without it: safe held / offensive held | ${pct(unseen.safeHeld / unseen.safe)} / ${pct(unseen.offensiveHeld / unseen.offensive)} | |`,
    `| topic learning: mean rise of the left-out topic | ${(meanRise * 100).toFixed(2)} points | ≥ 1.5 |`,
    `| topic learning: worst change of another topic | ${(worstOtherChange * 100).toFixed(2)} points | ≥ −0.5 |`,
    `| score() on ~${Math.round(meanLength)}-char mixed stream | ${rates(scoreCps)} | ≥ 50,000/s |`,
    `| engine alone | ${rates(engineCps)} | |`,
    `| engine with scoring on | ${rates(engineScoreCps)} | ≥ obscenity |`,
    `| obscenity 0.4.6 (same banned list) | ${rates(obscenityCps)} | |`,
    `| retrain on ${all.length} + ${site.length} site examples | ${retrainSeconds.toFixed(1)} s | < 60 s |`,
    `| shipped model: size / load | ${(modelBytes / 1e6).toFixed(2)} MB / ${loadMs.toFixed(0)} ms | ≤ 5 MB / < 300 ms |`,
    '',
    `hold threshold sweep (validation slice): ${thresholds.map((x) => `${x.at}: safe ${pct(x.heldSafe)}, offensive ${pct(x.heldOffensive)}`).join('; ')}`,
    '',
    `topic learning (500 site examples at weight ${SITE_EXAMPLE_WEIGHT}, mean of ${SITE_DRAW_SEEDS.length} draws), accuracy change in points:`,
    ...learning.map(
      (l) =>
        `  without ${l.leftOut}: ` +
        TOPICS.map((t) => `${t} ${(l.before[t] * 100).toFixed(2)} → ${(l.after[t] * 100).toFixed(2)} (${l.change[t] >= 0 ? '+' : ''}${(l.change[t] * 100).toFixed(2)})`).join(', '),
    ),
  ]
  console.log(lines.join('\n'))

  const outDir = resolve(root, 'bench/results')
  mkdirSync(outDir, { recursive: true })
  writeFileSync(
    resolve(outDir, 'offense.json'),
    JSON.stringify(
      {
        node: process.version,
        data: { comments: all.length, validation: validation.length, validationShare: VALIDATION_SHARE, splitSeed: SPLIT_SEED },
        trainSeconds,
        validation: {
          ...overall,
          byTopic,
          holdAt,
          ...held,
          thresholds,
          unseenTopic: { heldSafe: unseen.safeHeld / unseen.safe, heldOffensive: unseen.offensiveHeld / unseen.offensive },
        },
        topicLearning: { siteExamples: 500, siteWeight: SITE_EXAMPLE_WEIGHT, draws: SITE_DRAW_SEEDS, meanRise, worstOtherChange, runs: learning },
        speed: { unit: 'comments per second: cpu = per second of process CPU time, wall = per wall-clock second', cores: cpuCores, loadAverage: load, meanLength, scorePerSecond: scoreCps, enginePerSecond: engineCps, engineWithScorePerSecond: engineScoreCps, obscenityPerSecond: obscenityCps },
        retrain: { examples: all.length, siteExamples: site.length, seconds: retrainSeconds },
        shippedModel: { bytes: modelBytes, loadMs },
      },
      null,
      2,
    ) + '\n',
  )
}

main()
