import type { Phase } from './types'

/** The submit form's hidden field was filled in (people leave it empty, form-filling bots do not) → spam. */
export const checkHoneypot: Phase<'form' | 'isStaff' | 'settings'> = ({ form, isStaff, settings }) => {
  if (!form || isStaff || !settings.honeypot) return
  if (typeof form.honeypot === 'string' && form.honeypot.trim() !== '') return { status: 'spam', code: 'honeypot' }
}
