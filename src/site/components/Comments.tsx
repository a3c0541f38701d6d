'use client'
/* The reader's side of a thread: the approved comments with replies, "more", reply, report (举报) and the form. */
import React, { useCallback, useEffect, useState } from 'react'

import type { FormToken } from '../../client'
import { wordsFor } from '../words'

export interface ThreadNode {
  id: number | string
  authorName?: string | null
  body: string
  featured?: boolean | null
  createdAt: string
  replies: ThreadNode[]
}

interface Props {
  articleId: number | string
  /** Base URL of the CMS API as the browser reaches it ('' = same origin). */
  apiBase: string
  language: string
  timeZone: string
  initial: { docs: ThreadNode[]; hasNextPage: boolean; page: number }
  allowComments: boolean
}

const REPORT_REASONS = ['spam', 'abuse', 'off-topic', 'illegal', 'other'] as const

const formatWhen = (iso: string, timeZone: string) => {
  const date = new Date(iso)
  if (Number.isNaN(date.getTime())) return ''
  const parts = new Intl.DateTimeFormat('en-CA', { timeZone, year: 'numeric', month: '2-digit', day: '2-digit', hour: '2-digit', minute: '2-digit', hourCycle: 'h23' }).formatToParts(date)
  const part = (type: string) => parts.find((p) => p.type === type)?.value ?? ''
  return `${part('year')}-${part('month')}-${part('day')} ${part('hour')}:${part('minute')}`
}

/** The answer's words: the CMS answers in the reader's language (message, or the first error's message). */
const answerText = async (response: Response, fallback: string) => {
  const json = (await response.json().catch(() => null)) as { message?: string; errors?: { message?: string; data?: { errors?: { message?: string }[] } }[] } | null
  return json?.message || json?.errors?.[0]?.data?.errors?.[0]?.message || json?.errors?.[0]?.message || fallback
}

const ReportBox = ({ commentId, apiBase, language }: { commentId: number | string; apiBase: string; language: string }) => {
  const words = wordsFor(language)
  const [open, setOpen] = useState(false)
  const [reason, setReason] = useState<string>('spam')
  const [answer, setAnswer] = useState<string | null>(null)
  const send = async () => {
    const response = await fetch(`${apiBase}/api/comments/${commentId}/report`, {
      method: 'POST',
      headers: { 'Content-Type': 'application/json' },
      body: JSON.stringify({ reason }),
    }).catch(() => null)
    setAnswer(response ? await answerText(response, words.reportDone) : words.error)
    setOpen(false)
  }
  if (answer) return <span className="report-answer" role="status">{answer}</span>
  if (!open)
    return (
      <button className="link-button" onClick={() => setOpen(true)} type="button">
        {words.report}
      </button>
    )
  return (
    <span className="report-box">
      <label>
        {words.reportReason}{' '}
        <select onChange={(event) => setReason(event.target.value)} value={reason}>
          {REPORT_REASONS.map((value) => (
            <option key={value} value={value}>
              {words.reasons[value]}
            </option>
          ))}
        </select>
      </label>{' '}
      <button onClick={send} type="button">
        {words.report}
      </button>
    </span>
  )
}

const CommentItem = ({ comment, props, onReply }: { comment: ThreadNode; props: Props; onReply: (comment: ThreadNode) => void }) => {
  const words = wordsFor(props.language)
  return (
    <li className="comment" id={`comment-${comment.id}`}>
      <div className="comment-head">
        <span className="comment-author">{comment.authorName || '—'}</span>
        <time dateTime={comment.createdAt}>{formatWhen(comment.createdAt, props.timeZone)}</time>
        {comment.featured ? <span className="featured">{words.featured}</span> : null}
        {props.allowComments ? (
          <button className="link-button" onClick={() => onReply(comment)} type="button">
            {words.reply}
          </button>
        ) : null}
        <ReportBox apiBase={props.apiBase} commentId={comment.id} language={props.language} />
      </div>
      {/* Text, never HTML: React escapes it; white-space keeps the reader's line breaks. */}
      <p className="comment-body">{comment.body}</p>
      {comment.replies?.length ? (
        <ul className="replies">
          {comment.replies.map((reply) => (
            <CommentItem comment={reply} key={reply.id} onReply={onReply} props={props} />
          ))}
        </ul>
      ) : null}
    </li>
  )
}

export function Comments(props: Props) {
  const words = wordsFor(props.language)
  const [comments, setComments] = useState<ThreadNode[]>(props.initial.docs)
  const [page, setPage] = useState(props.initial.page)
  const [hasMore, setHasMore] = useState(props.initial.hasNextPage)
  const [replyTo, setReplyTo] = useState<ThreadNode | null>(null)
  const [form, setForm] = useState<FormToken | null>(null)
  const [sending, setSending] = useState(false)
  const [answer, setAnswer] = useState<string | null>(null)

  // Closed since the page was rendered (it is served from the page cache): the form token says so at this visit.
  const [closed, setClosed] = useState(false)

  const fetchToken = useCallback(async () => {
    const response = await fetch(`${props.apiBase}/api/comments/form-token?article=${encodeURIComponent(String(props.articleId))}`, { cache: 'no-store' }).catch(() => null)
    if (!response?.ok) return
    const token = (await response.json()) as FormToken
    if (token.open === false) setClosed(true)
    else setForm(token)
  }, [props.apiBase, props.articleId])
  useEffect(() => {
    if (props.allowComments) void fetchToken()
  }, [fetchToken, props.allowComments])

  const loadMore = async () => {
    const response = await fetch(`${props.apiBase}/api/articles/${props.articleId}/comments?page=${page + 1}&limit=20`).catch(() => null)
    if (!response?.ok) return
    const next = (await response.json()) as { docs: ThreadNode[]; hasNextPage: boolean; page: number }
    setComments((current) => [...current, ...next.docs.filter((doc) => !current.some((c) => c.id === doc.id))])
    setPage(next.page)
    setHasMore(next.hasNextPage)
  }

  const submit = async (event: React.FormEvent<HTMLFormElement>) => {
    event.preventDefault()
    const data = new FormData(event.currentTarget)
    const formElement = event.currentTarget
    setSending(true)
    setAnswer(null)
    const payload: Record<string, unknown> = {
      article: props.articleId,
      authorName: data.get('authorName'),
      body: data.get('body'),
      ...(data.get('authorEmail') ? { authorEmail: data.get('authorEmail') } : {}),
      ...(replyTo ? { parent: replyTo.id } : {}),
    }
    if (form) {
      payload[form.tokenField] = form.token
      if (form.honeypotField) payload[form.honeypotField] = data.get(form.honeypotField) ?? ''
    }
    const response = await fetch(`${props.apiBase}/api/comments`, {
      method: 'POST',
      headers: { 'Content-Type': 'application/json' },
      body: JSON.stringify(payload),
    }).catch(() => null)
    setSending(false)
    setAnswer(response ? await answerText(response, words.error) : words.error)
    if (response?.ok) {
      ;(formElement.elements.namedItem('body') as HTMLTextAreaElement).value = ''
      setReplyTo(null)
      void fetchToken()
    }
  }

  return (
    <>
      {comments.length ? (
        <ul className="comments">
          {comments.map((comment) => (
            <CommentItem comment={comment} key={comment.id} onReply={setReplyTo} props={props} />
          ))}
        </ul>
      ) : (
        <p className="empty">{words.noComments}</p>
      )}
      {hasMore ? (
        <button className="more" onClick={loadMore} type="button">
          {words.more}
        </button>
      ) : null}
      {props.allowComments && !closed ? (
        <form className="comment-form" onSubmit={submit}>
          <h3>{words.formTitle}</h3>
          {replyTo ? (
            <p className="replying">
              {words.replyingTo(replyTo.authorName || '—')}{' '}
              <button className="link-button" onClick={() => setReplyTo(null)} type="button">
                {words.cancelReply}
              </button>
            </p>
          ) : null}
          <label>
            {words.name}
            <input autoComplete="nickname" maxLength={80} name="authorName" required />
          </label>
          <label>
            {words.email}
            <input autoComplete="email" name="authorEmail" type="email" />
          </label>
          <label>
            {words.body}
            <textarea maxLength={5000} name="body" required rows={4} />
          </label>
          {form?.honeypotField ? (
            <div aria-hidden="true" className="hp">
              <label>
                Website
                <input autoComplete="off" name={form.honeypotField} tabIndex={-1} />
              </label>
            </div>
          ) : null}
          <button disabled={sending} type="submit">
            {sending ? words.sending : words.submit}
          </button>
          {answer ? (
            <p className="answer" role="status">
              {answer}
            </p>
          ) : null}
        </form>
      ) : (
        <p className="empty">{words.commentsClosed}</p>
      )}
    </>
  )
}
