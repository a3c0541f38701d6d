import { spawn, type ChildProcess } from 'node:child_process'
import fs from 'node:fs'
import os from 'node:os'
import path from 'node:path'

import { freePort } from './ports'

export interface Instance {
  base: string
  process: ChildProcess
  /** Everything the server printed. */
  output: () => string
  /** Resolves with the exit code once the process has ended. */
  exited: Promise<number | null>
  stop: () => Promise<number | null>
}

/**
 * One production instance, as `npm start` runs it (NODE_ENV=production, src/server.ts under tsx, the committed
 * migrations applied on start), but as a single process so that SIGTERM reaches the server as it would in a
 * container. Needs `npm run build`. Its media folder is its own: nothing is shared through a disk.
 */
export const startInstance = async (env: Record<string, string>): Promise<Instance> => {
  const port = await freePort()
  const mediaDir = fs.mkdtempSync(path.join(os.tmpdir(), 'newsroom-instance-media-'))
  const child = spawn(process.execPath, ['--import', 'tsx', 'src/server.ts'], {
    env: {
      ...process.env,
      NODE_ENV: 'production',
      NEXT_TELEMETRY_DISABLED: '1',
      LOG_LEVEL: 'warn',
      PORT: String(port),
      HOST: '127.0.0.1',
      MEDIA_DIR: mediaDir,
      ...env,
    },
    stdio: ['ignore', 'pipe', 'pipe'],
  })
  let output = ''
  child.stdout!.on('data', (chunk) => (output += chunk))
  child.stderr!.on('data', (chunk) => (output += chunk))
  const exited = new Promise<number | null>((resolve) => child.on('exit', (code) => resolve(code)))
  const base = `http://127.0.0.1:${port}`
  const deadline = Date.now() + 240_000
  for (;;) {
    if (child.exitCode !== null) throw new Error(`the instance exited while starting:\n${output.slice(-3000)}`)
    if (Date.now() > deadline) {
      child.kill('SIGKILL')
      throw new Error(`the instance did not become ready within 240 s:\n${output.slice(-3000)}`)
    }
    const ready = await fetch(`${base}/readyz`).then(
      (response) => response.status === 200,
      () => false,
    )
    if (ready) break
    await new Promise((resolve) => setTimeout(resolve, 500))
  }
  return {
    base,
    process: child,
    output: () => output,
    exited,
    stop: async () => {
      if (child.exitCode === null) child.kill('SIGTERM')
      const code = await exited
      fs.rmSync(mediaDir, { recursive: true, force: true })
      return code
    },
  }
}

/**
 * Reads a page of an instance until `done(html, status)` holds (at most `ms`): how long it took and how the last
 * answer was served, or `ms: null` with the last page when it never did.
 */
export const untilPage = async (instance: Instance, path: string, done: (html: string, status: number) => boolean, ms = 10_000) => {
  const started = performance.now()
  for (;;) {
    const response = await fetch(`${instance.base}${path}`)
    const html = await response.text()
    if (done(html, response.status)) return { ms: Math.round(performance.now() - started), html, cache: response.headers.get('x-nextjs-cache') }
    if (performance.now() - started > ms) return { ms: null, html, status: response.status }
    await new Promise((resolve) => setTimeout(resolve, 50))
  }
}
