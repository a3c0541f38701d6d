/** The comments collection's slug and its closed vocabularies, shared by the collection, the pipeline and the endpoints. */
export const COMMENTS_SLUG = 'comments'
export const COMMENT_STATUSES = ['pending', 'approved', 'rejected', 'spam'] as const
export type CommentStatus = (typeof COMMENT_STATUSES)[number]
export const REPORT_REASONS = ['spam', 'abuse', 'off-topic', 'illegal', 'other'] as const

/** Replies nest at most this many levels below a top-level comment (level 0). */
export const MAX_REPLY_LEVEL = 5
/** The same body from the same author on the same article within this window is a duplicate. */
export const DUPLICATE_WINDOW_MS = 24 * 60 * 60 * 1000
/** A form token older than this is refused. */
export const FORM_TOKEN_MAX_AGE_MS = 24 * 60 * 60 * 1000
