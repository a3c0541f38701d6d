/**
 * What the moderation benchmarks read: the dev policy (18 banned, 5 suspect and 6 spam terms), the labelled corpora's
 * rows, the 300-character mixed Chinese/English stream and the generated long term list. bench:moderation and
 * bench/moderation-paired.ts measure the same inputs because both take them from here.
 */
import { readFileSync } from 'node:fs'

import { rng } from '../../test/moderation/helpers'

export const BANNED = 'fuck shit bitch asshole cunt bastard dickhead motherfucker whore slut 傻逼 操你妈 草泥马 狗日的 王八蛋 贱人 去死吧 他妈的'.split(' ')
export const SUSPECT = 'idiot moron stupid 白痴 脑残'.split(' ')
export const SPAM = 'viagra casino 代开发票 加微信 兼职日结 博彩'.split(' ')

export interface Row {
  id: string
  text: string
  label: 'banned' | 'clean' | 'spam'
  lang?: string
  evasion?: string
}

export function loadRows(path: string): Row[] {
  return readFileSync(path, 'utf8')
    .split('\n')
    .filter((l) => l.trim().length > 0)
    .map((l) => JSON.parse(l) as Row)
}

const FILLER_EN = [
  'The council meeting ran late and the budget vote was postponed until next week.',
  'I appreciate the reporter explaining where the numbers came from.',
  'My grandmother lived on that street for forty years and never saw a flood like this.',
  'Could you add a chart comparing this year with the last decade?',
  'The bus timetable changes are going to hurt people who work night shifts.',
  'Thanks for following up on the story from last month.',
  'Parking near the stadium is already impossible on match days.',
  'The interview with the head teacher was the most useful part of the piece.',
]
const FILLER_ZH = [
  '这篇报道把事情的来龙去脉讲得很清楚，希望继续跟进。',
  '市政府应该尽快公布详细的预算数据，让大家都能看到。',
  '我家附近的公交线路也有类似的问题，早高峰特别拥挤。',
  '记者的采访很到位，尤其是对专家的提问。',
  '希望下次能附上原始数据的链接，方便读者核对。',
]

export function makeStream(rows: Row[], count: number, seed: number): string[] {
  const rnd = rng(seed)
  const pick = <T>(a: T[]): T => a[Math.floor(rnd() * a.length)]
  const cleanEn = [...FILLER_EN, ...rows.filter((r) => r.label === 'clean' && r.lang !== 'zh').map((r) => r.text)]
  const cleanZh = [...FILLER_ZH, ...rows.filter((r) => r.label === 'clean' && r.lang === 'zh').map((r) => r.text)]
  const bad = rows.filter((r) => r.label !== 'clean')
  const out: string[] = []
  for (let i = 0; i < count; i++) {
    const zh = rnd() < 0.3
    const pool = zh ? cleanZh : cleanEn
    const parts: string[] = []
    let len = 0
    const target = zh ? 150 : 300 // ~300 UTF-16 units of English, ~150 Han characters
    const dirty = i % 10 === 9
    const dirtyAt = Math.floor(rnd() * 3)
    while (len < target) {
      const s = dirty && parts.length === dirtyAt ? pick(bad).text : pick(pool)
      parts.push(s)
      len += s.length + 1
    }
    out.push(parts.join(' '))
  }
  return out
}

export function generateTerms(count: number, seed: number): string[] {
  const rnd = rng(seed)
  const onsets = ['b', 'bl', 'br', 'ch', 'cr', 'd', 'dr', 'f', 'fl', 'g', 'gr', 'h', 'j', 'k', 'kn', 'l', 'm', 'n', 'p', 'pl', 'pr', 'qu', 'r', 's', 'sh', 'sk', 'sl', 'sn', 'sp', 'st', 't', 'th', 'tr', 'v', 'w', 'wh', 'z']
  const vowels = ['a', 'e', 'i', 'o', 'u', 'oo', 'ee', 'ai', 'ou', 'y']
  const codas = ['', '', 'b', 'ck', 'd', 'g', 'k', 'l', 'll', 'm', 'n', 'ng', 'p', 'rd', 'rk', 'rt', 's', 'sh', 'ss', 't', 'tch', 'x', 'z']
  const han: string[] = []
  for (let i = 0; i < 600; i++) han.push(String.fromCharCode(0x4e00 + Math.floor(rnd() * 0x51a5)))
  const pick = <T>(a: T[]): T => a[Math.floor(rnd() * a.length)]
  const set = new Set<string>()
  while (set.size < count) {
    let t = ''
    if (rnd() < 0.15) {
      const n = 2 + Math.floor(rnd() * 3)
      for (let i = 0; i < n; i++) t += pick(han)
    } else {
      const syl = 2 + Math.floor(rnd() * 3)
      for (let i = 0; i < syl; i++) t += pick(onsets) + pick(vowels) + pick(codas)
      if (rnd() < 0.2) t += pick(['er', 'head', 'face', 'bag', 'wad', 'stain'])
    }
    if (t.length >= 4) set.add(t)
  }
  return [...set]
}
