/**
 * Reader-facing messages of the comments pipeline, keyed by stable codes. English and Chinese defaults live
 * here; when the i18n files (`newsroom:` namespace) carry the same key, the translation there wins.
 */
export type MessageLanguage = 'en' | 'zh'

const en = {
  'comment.approved': 'Thanks! Your comment is published.',
  'comment.pending': 'Thanks! Your comment is waiting for review by a moderator.',
  'comment.rejected': 'Your comment was not published because it breaks our community rules.',
  'comment.rejected.banned_term': 'Your comment was not published: it contains language our community rules do not allow.',
  'comment.rejected.blocked_author': 'Your comment was not published: this author may no longer comment on this site.',
  'comment.rejected.empty': 'Your comment was not published: it has no readable text.',
  'comment.body.required': 'Please write a comment before sending it.',
  'comment.body.too_long': 'Your comment is too long: at most {max} characters, please.',
  'comment.authorName.required': 'Please tell us your name.',
  'comment.authorName.too_long': 'Your name is too long: at most {max} characters, please.',
  'comment.authorEmail.required': 'Please give your email address (it is never shown).',
  'comment.authorEmail.invalid': 'That email address does not look right.',
  'comment.article.required': 'Which article is this comment about? The article is missing.',
  'comment.formToken.missing': 'The comment form has expired. Please reload the page and try again.',
  'comment.parent.invalid': 'You can only reply to a published comment under the same article.',
  'comment.duplicate': 'You have already posted this comment here.',
  'comment.flood': 'You are commenting too fast. Please wait {seconds} seconds and try again.',
  'comment.not_found': 'This comment does not exist.',
  'article.not_found': 'This article does not exist.',
  'article.not_published': 'This article is not published, so it cannot take comments.',
  'article.comments_disabled': 'Comments are turned off for this article.',
  'article.closed': 'Comments on this article are closed.',
  'report.received': 'Thanks for your report. A moderator will take a look.',
  'report.duplicate': 'You have already reported this comment.',
  'report.reason.invalid': 'Please choose why you are reporting this comment: spam, abuse, off-topic, illegal or other.',
} as const

export type MessageCode = keyof typeof en

const zh: Record<MessageCode, string> = {
  'comment.approved': '感谢评论，已发布。',
  'comment.pending': '感谢评论，审核通过后显示。',
  'comment.rejected': '评论未发布：内容违反社区规则。',
  'comment.rejected.banned_term': '评论未发布：含有社区规则不允许的用语。',
  'comment.rejected.blocked_author': '评论未发布：该作者已被禁止在本站评论。',
  'comment.rejected.empty': '评论未发布：没有可读的文字。',
  'comment.body.required': '请先填写评论内容。',
  'comment.body.too_long': '评论太长了：最多 {max} 个字符。',
  'comment.authorName.required': '请填写您的昵称。',
  'comment.authorName.too_long': '昵称太长了：最多 {max} 个字符。',
  'comment.authorEmail.required': '请填写电子邮箱（不会公开）。',
  'comment.authorEmail.invalid': '电子邮箱格式不正确。',
  'comment.article.required': '缺少评论所属的文章。',
  'comment.formToken.missing': '评论表单已过期，请刷新页面后重试。',
  'comment.parent.invalid': '只能回复同一篇文章下已发布的评论。',
  'comment.duplicate': '您已经在这里发表过相同的评论。',
  'comment.flood': '评论太频繁了，请 {seconds} 秒后再试。',
  'comment.not_found': '该评论不存在。',
  'article.not_found': '该文章不存在。',
  'article.not_published': '文章尚未发布，暂不能评论。',
  'article.comments_disabled': '本文已关闭评论功能。',
  'article.closed': '本文评论已关闭。',
  'report.received': '感谢举报，管理员会尽快处理。',
  'report.duplicate': '您已经举报过这条评论。',
  'report.reason.invalid': '请选择举报原因：垃圾信息、辱骂、离题、违法或其他。',
}

/** Every message key, for the i18n files. */
export const MESSAGE_CODES = Object.keys(en) as MessageCode[]
export const MESSAGES: Record<MessageLanguage, Record<MessageCode, string>> = { en, zh }

type RequestLike = {
  i18n?: { language?: string }
  headers?: { get(name: string): string | null }
  t?: (key: any, vars?: any) => string
}

/** 'zh' when the request's chosen language or its Accept-Language (first listed) is Chinese; else 'en'. */
export const languageOf = (req?: RequestLike | null): MessageLanguage => {
  const accept = req?.headers?.get('accept-language')
  if (accept) {
    const first = accept.split(',')[0]?.trim().toLowerCase() ?? ''
    if (first.startsWith('zh')) return 'zh'
    if (first && first !== '*') return 'en'
  }
  return req?.i18n?.language?.toLowerCase().startsWith('zh') ? 'zh' : 'en'
}

const fill = (text: string, vars: Record<string, unknown>) =>
  text.replace(/\{(\w+)\}/g, (whole, name: string) => (name in vars ? String(vars[name]) : whole))

/** Falls back from `comment.rejected.x` to `comment.rejected` for codes without their own words. */
export const resolveCode = (code: string): MessageCode => {
  if (code in en) return code as MessageCode
  const parent = code.slice(0, code.lastIndexOf('.'))
  return parent && parent in en ? (parent as MessageCode) : 'comment.rejected'
}

/** The reader-facing sentence for a code, in the request's language. */
export const commentMessage = (
  code: string,
  req?: RequestLike | null,
  vars: Record<string, unknown> = {},
): string => {
  const key = resolveCode(code)
  const language = languageOf(req)
  if (req?.t && req.i18n?.language === language) {
    const translated = req.t(`newsroom:${key}`, vars)
    if (translated && translated !== `newsroom:${key}` && translated !== key) return translated
  }
  return fill(MESSAGES[language][key], vars)
}
