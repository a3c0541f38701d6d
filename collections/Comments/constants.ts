export const COMMENTS_SLUG = 'comments'
export const COMMENT_STATUSES = ['pending', 'approved', 'rejected', 'spam'] as const
export const REPORT_REASONS = ['spam', 'abuse', 'off-topic', 'illegal', 'other'] as const
