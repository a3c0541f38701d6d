import type { Phase } from './types'

/** The author's e-mail or ipHash is in blockedAuthors → rejected. */
export const checkBlockedAuthor: Phase<'settings' | 'email' | 'ipHash'> = ({ settings, email, ipHash }) => {
  const blocked = settings.blockedAuthors
  if (!blocked.length) return
  if ((email && blocked.includes(email)) || (ipHash && blocked.includes(ipHash.toLowerCase()))) {
    return { status: 'rejected', code: 'blocked_author' }
  }
}
