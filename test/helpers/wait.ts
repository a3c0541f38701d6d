export const sleep = (ms: number) => new Promise((resolve) => setTimeout(resolve, ms))

/** Polls `check` every `everyMs` until it is true; returns the ms it took, or throws after `limitMs`. */
export const waitUntil = async (check: () => boolean | Promise<boolean>, limitMs: number, what: string, everyMs = 250): Promise<number> => {
  const start = Date.now()
  while (Date.now() - start < limitMs) {
    if (await Promise.resolve().then(check).catch(() => false)) return Date.now() - start
    await sleep(everyMs)
  }
  throw new Error(`${what}: not within ${limitMs} ms`)
}
