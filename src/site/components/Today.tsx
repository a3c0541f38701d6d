'use client'
/* The masthead's date: rendered with the page (which the full-route cache may keep for hours), then set to the reader's today in the site's time zone. */
import React, { useEffect, useState } from 'react'

const today = (timeZone: string) => new Intl.DateTimeFormat('en-CA', { timeZone, year: 'numeric', month: '2-digit', day: '2-digit' }).format(new Date())

export const Today = ({ rendered, timeZone }: { rendered: string; timeZone: string }) => {
  const [text, setText] = useState(rendered)
  useEffect(() => setText(today(timeZone)), [timeZone])
  return <span className="today">{text}</span>
}
