import { createModerator, type ModerationPolicy } from '../../src/moderation/index'

export const BANNED_EN = ['fuck', 'shit', 'bitch', 'asshole', 'cunt', 'bastard', 'dickhead', 'motherfucker', 'whore', 'slut']
export const BANNED_ZH = ['傻逼', '操你妈', '草泥马', '狗日的', '王八蛋', '贱人', '去死吧', '他妈的']
export const SUSPECT = ['idiot', 'moron', 'stupid', '白痴', '脑残']
export const SPAM = ['viagra', 'casino', '代开发票', '加微信', '兼职日结', '博彩']

/** the benchmark policy from the shared moderation README */
export const POLICY: ModerationPolicy = {
  bannedTerms: [...BANNED_EN, ...BANNED_ZH],
  suspectTerms: SUSPECT,
  spamTerms: SPAM,
  maxLinks: 1,
}

export const moderator = createModerator(POLICY)

export function verdict(body: string): string {
  return moderator.check({ body }).verdict
}

/** Deterministic PRNG for disguise generators. */
export function rng(seed: number): () => number {
  let a = seed >>> 0
  return () => {
    a = (a + 0x6d2b79f5) >>> 0
    let t = a
    t = Math.imul(t ^ (t >>> 15), t | 1)
    t ^= t + Math.imul(t ^ (t >>> 7), t | 61)
    return ((t ^ (t >>> 14)) >>> 0) / 4294967296
  }
}

export const joinWith = (term: string, sep: string) => [...term].join(sep)

const MATH_BOLD_a = 0x1d41a
export const mathBold = (s: string) =>
  [...s].map((c) => (c >= 'a' && c <= 'z' ? String.fromCodePoint(MATH_BOLD_a + c.charCodeAt(0) - 97) : c)).join('')
export const circled = (s: string) =>
  [...s].map((c) => (c >= 'a' && c <= 'z' ? String.fromCodePoint(0x24d0 + c.charCodeAt(0) - 97) : c)).join('')
export const fullwidth = (s: string) =>
  [...s].map((c) => (c >= '!' && c <= '~' ? String.fromCharCode(c.charCodeAt(0) + 0xfee0) : c)).join('')
export const squared = (s: string) =>
  [...s].map((c) => (c >= 'a' && c <= 'z' ? String.fromCodePoint(0x1f130 + c.charCodeAt(0) - 97) : c)).join('')

/** Look-alike letters from several alphabets (each maps visually to the Latin key). */
export const LOOKALIKES: Record<string, Record<string, string>> = {
  cyrillic: { a: 'а', c: 'с', e: 'е', o: 'о', p: 'р', x: 'х', y: 'у', s: 'ѕ', i: 'і', j: 'ј', h: 'һ', d: 'ԁ', w: 'ԝ', k: 'к', t: 'т', m: 'м', b: 'Ь' },
  greek: { a: 'α', o: 'ο', i: 'ι', k: 'κ', v: 'ν', u: 'υ', t: 'τ', p: 'ρ', e: 'ε', n: 'η', x: 'χ', b: 'β', c: 'ϲ' },
  greekUpper: { a: 'Α', b: 'Β', e: 'Ε', h: 'Η', i: 'Ι', k: 'Κ', m: 'Μ', n: 'Ν', o: 'Ο', p: 'Ρ', t: 'Τ', x: 'Χ', y: 'Υ', z: 'Ζ' },
  armenian: { u: 'ս', o: 'օ', h: 'հ', n: 'ո', g: 'ց', q: 'զ', l: 'լ' },
  cherokee: { a: 'Ꭺ', e: 'Ꭼ', h: 'Ꮋ', i: 'Ꭵ', s: 'Ꮪ', t: 'Ꭲ', d: 'Ꭰ', w: 'Ꮃ', k: 'Ꮶ', l: 'Ꮮ', m: 'Ꮇ', c: 'Ꮯ', r: 'Ꭱ', b: 'Ᏼ', g: 'Ꮐ', v: 'Ꮩ', z: 'Ꮓ' },
  ipa: { a: 'ɑ', g: 'ɡ', i: 'ɪ', y: 'ʏ', o: 'ᴏ', u: 'ᴜ', c: 'ᴄ', k: 'ᴋ', t: 'ᴛ', h: 'ʜ', b: 'ʙ', r: 'ʀ', s: 'ꜱ', l: 'ʟ', e: 'ᴇ', d: 'ᴅ', w: 'ᴡ', m: 'ᴍ' },
  latinExt: { a: 'á', e: 'ë', i: 'ï', o: 'ø', u: 'ü', c: 'ç', n: 'ñ', s: 'ş', t: 'ţ', l: 'ł', d: 'đ', h: 'ħ', b: 'ƀ', k: 'ķ', r: 'ř', w: 'ŵ' },
}

/** replace every letter that has a look-alike in `alphabet` */
export function lookalike(term: string, alphabet: Record<string, string>): string {
  return [...term].map((c) => alphabet[c] ?? c).join('')
}
