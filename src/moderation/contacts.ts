/**
 * Contact details, the spam of Chinese comment sections: a WeChat ID under the
 * messenger's names, abbreviations and sound- or look-alikes (微信, 威信, 薇信,
 * 徽信, V信, vx, wx, weixin, 加V, V❤), QQ numbers, messaging handles next to a
 * messenger's name (Telegram, WhatsApp, Line, Signal) and phone numbers
 * (libphonenumber-js, in the site's regions). A mention without an ID
 * ("我在微信群里看到", "我的QQ邮箱", an area code) is not a contact.
 */
import { parsePhoneNumberFromString, type CountryCode } from 'libphonenumber-js'

import { hanKeys } from './pinyin'

export interface FoundContact {
  kind: 'wechat' | 'qq' | 'handle' | 'phone'
  start: number
  end: number
  text: string
}

/** characters written for 微 by look (a sound-alike is any character read wei) */
const WEI_LOOKALIKES = '微徽薇溦嶶'
const SEP = String.raw`[\s:：=\-~～]{0,3}(?:[^\p{L}\p{N}\s]{1,2}[\s:：=\-]{0,3})?`
const ID = String.raw`([a-z][a-z0-9_\-]{4,19}|\d{5,12})`
// X信 where X is any Han character (checked by sound below), or the Latin names
const WECHAT_RE = new RegExp(
  String.raw`(?:(\p{Script=Han})\s?信|加\s*(\p{Script=Han})|(?<![a-z])(?:wechat|weixin|wei\s?xin|vx|wx|v信|vchat|加\s*v|v)(?![a-z]))` + SEP + ID + '(?![a-z0-9_])',
  'giu',
)
const QQ_RE = new RegExp(String.raw`(?:(?<![a-z])q\s?q?(?![a-z])|扣扣|企鹅)(?:号|號)?` + SEP + String.raw`(\d{5,11})(?!\d)`, 'giu')
/** every QQ cue holds one of these: the cheap pre-check */
const QQ_CUE = /[qQ扣企]/
const MESSENGER = /telegram|(?<![a-z])tg(?![a-z])|电报|whats\s?app|(?<![a-z])line(?![a-z])|signal|飞机号/i
const HANDLE_RE = /(?<![\w@.])@([a-z][a-z0-9_]{3,31})(?![\w@]|\.[a-z])/gi
const MESSENGER_ID_RE = new RegExp(
  String.raw`(?:telegram|whats\s?app|电报|飞机号?)` + SEP + String.raw`(@?[a-z][a-z0-9_]{4,31}|\+?\d[\d\s\-]{6,16}\d)`,
  'giu',
)

function soundsLikeWei(ch: string | undefined): boolean {
  if (ch === undefined) return false
  return WEI_LOOKALIKES.includes(ch) || hanKeys(ch.codePointAt(0)!).includes('wei')
}

/** an ID carries a digit or an underscore ("v great" is not a WeChat ID) */
function looksLikeId(id: string): boolean {
  return /[\d_]/.test(id)
}

export const DEFAULT_PHONE_REGIONS: CountryCode[] = ['CN']

/** words that announce a phone number (电话 0412-345-678, call 555…) */
const PHONE_CUE = /(?:电话|手机|致电|热线|联系|联络|tel|phone|call|mobile|whats\s?app|微信同号|同号)[\s:：.\-]{0,3}$/i
/** seven digits or more, perhaps grouped: the cheap pre-check */
const PHONE_LIKE = /(?:\d[\s\-.()]{0,2}){7}/
/** a number as people write one: +61 412 345 678, (555) 010-2233, 0412-345-678, 13800138000 */
const PHONE_CANDIDATE = /\+?\(?\d[\d \-.()]{5,18}\d(?!\d)/g
/** any region where a number after a cue counts */
const CUED_REGIONS: CountryCode[] = ['CN', 'HK', 'TW', 'SG', 'MY', 'AU', 'NZ', 'US', 'CA', 'GB']

/**
 * Phone numbers: written with a country code (+61 …), valid in one of the
 * site's regions (a Chinese mobile number), or announced by a cue word and
 * possible in any of the common regions. Part of an e-mail address, a date or
 * a range of numbers is not a phone number.
 */
function findPhones(text: string, regions: readonly CountryCode[]): { start: number; end: number }[] {
  const out: { start: number; end: number }[] = []
  PHONE_CANDIDATE.lastIndex = 0
  for (let m = PHONE_CANDIDATE.exec(text); m !== null; m = PHONE_CANDIDATE.exec(text)) {
    const start = m.index
    const end = start + m[0].length
    const before = text[start - 1] ?? ''
    if (/[A-Za-z0-9@_]/.test(before) || text[end] === "@") continue // inside an address, a handle or a word
    const candidate = m[0]
    const cued = PHONE_CUE.test(text.slice(Math.max(0, start - 12), start))
    if (isPhone(candidate, regions, cued)) out.push({ start, end })
  }
  return out
}

function isPhone(candidate: string, regions: readonly CountryCode[], cued: boolean): boolean {
  if (candidate.startsWith('+')) return parsePhoneNumberFromString(candidate)?.isPossible() === true
  for (const region of regions) {
    const p = parsePhoneNumberFromString(candidate, region)
    // without a cue, short local numbers are more often prices, years, ranges or scores
    if (p?.isValid() && (cued || p.nationalNumber.length >= 10)) return true
  }
  if (!cued) return false
  for (const region of CUED_REGIONS) {
    if (parsePhoneNumberFromString(candidate, region)?.isPossible()) return true
  }
  return false
}

/** a contact, unless one already found overlaps it */
function add(found: FoundContact[], text: string, kind: FoundContact['kind'], start: number, end: number): void {
  for (const f of found) if (f.start < end && start < f.end) return
  found.push({ kind, start, end, text: text.slice(start, end) })
}

export function findContacts(text: string, phoneRegions: readonly CountryCode[] = DEFAULT_PHONE_REGIONS): FoundContact[] {
  const found: FoundContact[] = []
  // every ID carries a digit or an underscore, every handle an @
  if (!/[\d_@]/.test(text)) return found
  WECHAT_RE.lastIndex = 0
  for (let m = WECHAT_RE.exec(text); m !== null; m = WECHAT_RE.exec(text)) {
    // X信 and 加X count when X is read or written like 微
    if (m[1] !== undefined && !soundsLikeWei(m[1])) continue
    if (m[2] !== undefined && !soundsLikeWei(m[2])) continue
    if (!looksLikeId(m[3])) continue
    add(found, text, 'wechat', m.index, m.index + m[0].length)
  }
  if (QQ_CUE.test(text)) {
    QQ_RE.lastIndex = 0
    for (let m = QQ_RE.exec(text); m !== null; m = QQ_RE.exec(text)) add(found, text, 'qq', m.index, m.index + m[0].length)
  }
  MESSENGER_ID_RE.lastIndex = 0
  for (let m = MESSENGER_ID_RE.exec(text); m !== null; m = MESSENGER_ID_RE.exec(text)) {
    if (m[1].startsWith('@') || looksLikeId(m[1])) add(found, text, 'handle', m.index, m.index + m[0].length)
  }
  // a handle is written with @
  if (text.includes('@') && MESSENGER.test(text)) {
    HANDLE_RE.lastIndex = 0
    for (let m = HANDLE_RE.exec(text); m !== null; m = HANDLE_RE.exec(text)) add(found, text, 'handle', m.index, m.index + m[0].length)
  }
  if (PHONE_LIKE.test(text)) {
    for (const p of findPhones(text, phoneRegions)) add(found, text, 'phone', p.start, p.end)
  }
  return found.sort((a, b) => a.start - b.start)
}
