import type fc from 'fast-check'
import { expect } from 'vitest'

/** What every answer to hostile input must be: under 500, no stack trace, and a 4xx says why. */
export const expectHandled = (target: string, response: { status: number; body: any }, sent: unknown) => {
  const context = `${target} with ${JSON.stringify(sent).slice(0, 300)}`
  expect(response.status, context).toBeLessThan(500)
  const text = typeof response.body === 'string' ? response.body : JSON.stringify(response.body ?? '')
  expect(text, context).not.toMatch(/\n\s+at [\w.<>]+ \(|node_modules\//)
  if (response.status >= 400) {
    const message = response.body?.errors?.[0]?.message ?? response.body?.message
    expect(typeof message === 'string' && message.length > 0, `${context}: a 4xx says why`).toBe(true)
  }
}

/** fast-check's report, cut short: a counterexample can be a megabyte of brackets. */
export const shortReport = <T,>(details: fc.RunDetails<T>) => {
  if (!details.failed) return
  const example = JSON.stringify(details.counterexample ?? null)
  const error = details.errorInstance instanceof Error ? details.errorInstance.message : String(details.errorInstance)
  throw new Error(`${error.slice(0, 600)}\ncounterexample (${example.length} chars): ${example.slice(0, 300)}\nseed ${details.seed}`)
}

