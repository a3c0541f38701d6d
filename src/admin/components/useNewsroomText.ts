'use client'
import { useTranslation } from '@payloadcms/ui'

import { text, type NewsroomKey } from '../../i18n'

/** Our texts in the admin user's language (the same dictionaries Payload gets as the `newsroom` namespace). */
export const useNewsroomText = () => {
  const { i18n } = useTranslation()
  const language = i18n?.language
  return { language, nt: (key: NewsroomKey | string) => text(language, key) }
}
