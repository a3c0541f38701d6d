/**
 * Paired throughput of the moderation engine (bench:moderation's stream, its
 * 18-term policy, its 10,000-term list) against obscenity, measured so that
 * load from other processes falls on every contender alike: the stream is cut
 * into slices of 100 comments and each slice is run by every contender in
 * turn, summing each one's CPU time, for `seconds` (default 12).
 *
 *   npx tsx bench/moderation-paired.ts [seconds]
 *
 * bench:moderation times each contender for 1.5 s one after the other, so a
 * burst of load on a shared machine lands on one of them; on the 2-core
 * machine of 3 Dec 2026 its ours/obscenity ratio ranged 1.75–2.12 for the
 * same code. The stream and the term generator are copies of
 * bench/moderation.ts's (which runs on import).
 */
import { createRequire } from 'node:module'
import { createModerator } from '../src/moderation/index'
import { BANNED, generateTerms, loadRows, makeStream, SPAM, SUSPECT } from './lib/moderation-inputs'
const POLICY = { bannedTerms: BANNED, suspectTerms: SUSPECT, spamTerms: SPAM, maxLinks: 1 }
const rows = [...loadRows(new URL('../test/fixtures/dev-corpus.jsonl', import.meta.url).pathname), ...loadRows(new URL('../test/fixtures/dev-corpus-v2.jsonl', import.meta.url).pathname)]
const require = createRequire(import.meta.url)
const { RegExpMatcher, englishRecommendedTransformers, parseRawPattern } = require('obscenity')
const esc = (t: string) => t.replace(/[[\]?|\\]/g, (c) => '\\' + c)
const build = (terms: string[]) => new RegExpMatcher({ blacklistedTerms: terms.map((t, id) => ({ id, pattern: parseRawPattern(esc(t)) })), ...englishRecommendedTransformers })
const ob = build(BANNED), os = build(SPAM)
const stream = makeStream(rows, 2000, 20240601)
const small = createModerator(POLICY)
const big = createModerator({ ...POLICY, bannedTerms: [...BANNED, ...generateTerms(10000 - BANNED.length, 7)] })
const off = createModerator({ ...POLICY, readings: { homophones: false, pinyin: false, initials: false, brokenWords: false, masked: false, contacts: false } })
const fns: [string, (t: string) => unknown][] = [
  ['obscenity', (t) => (ob.hasMatch(t) ? 'reject' : os.hasMatch(t) ? 'spam' : 'approve')],
  ['small', (t) => small.check({ body: t })],
  ['big', (t) => big.check({ body: t })],
  ['off', (t) => off.check({ body: t })],
]
for (const [, f] of fns) for (const t of stream) f(t)
const cpu = new Map<string, number>(), cnt = new Map<string, number>()
const secs = Number(process.argv[2] ?? 12)
const t0 = Date.now()
let chunk = 0
while (Date.now() - t0 < secs * 1000) {
  const slice = stream.slice((chunk * 100) % 2000, (chunk * 100) % 2000 + 100); chunk++
  for (const [name, f] of fns) {
    const c = process.cpuUsage()
    for (const t of slice) f(t)
    const d = process.cpuUsage(c)
    cpu.set(name, (cpu.get(name) ?? 0) + d.user + d.system); cnt.set(name, (cnt.get(name) ?? 0) + slice.length)
  }
}
const rate = (n: string) => (cnt.get(n)! / cpu.get(n)!) * 1e6
console.log(
  `comments per CPU-second over ${secs} s: obscenity ${Math.round(rate('obscenity'))}, ours ${Math.round(rate('small'))}, ` +
    `ours with 10,000 terms ${Math.round(rate('big'))}, ours with the new readings off ${Math.round(rate('off'))}`,
)
console.log(
  `ours / obscenity ${(rate('small') / rate('obscenity')).toFixed(2)}x; 10,000 / 18 terms ${(rate('big') / rate('small')).toFixed(2)}; ` +
    `new readings cost ${(100 * (1 - rate('small') / rate('off'))).toFixed(0)}%`,
)
