/**
 * Production servers for the benchmarks that measure the built app (bench:site, bench:conditional): one throwaway
 * folder with a SQLite database, media and a secret shared by every server a run starts, each server `src/server.ts`
 * in production mode on a free port of 127.0.0.1, started in its own process group and stopped with SIGTERM.
 */
import { spawn, type ChildProcess } from 'node:child_process'
import crypto from 'node:crypto'
import fs from 'node:fs'
import os from 'node:os'
import path from 'node:path'

import { freePort } from '../../test/helpers/ports'

export const root = path.resolve(path.dirname(new URL(import.meta.url).pathname), '..', '..')

/** Leaves with one line when there is no production build to measure. */
export const requireBuild = (command: string) => {
  if (!fs.existsSync(path.join(root, '.next', 'BUILD_ID'))) {
    console.error(`${command} runs against the production build: run \`npm run build\` first`)
    process.exit(1)
  }
}

/** A run's folder, database and secret, and the servers it starts on them. */
export const productionRun = (name: string) => {
  const dir = fs.mkdtempSync(path.join(os.tmpdir(), `newsroom-bench-${name}-`))
  const databaseUri = `file:${path.join(dir, 'bench.db')}`
  const secret = crypto.randomBytes(32).toString('hex')

  const startServer = async (extraEnv: Record<string, string>) => {
    const port = await freePort()
    const base = `http://127.0.0.1:${port}`
    const child = spawn(process.execPath, ['--import', 'tsx', 'src/server.ts'], {
      cwd: root,
      env: {
        ...process.env,
        NODE_ENV: 'production',
        NEXT_TELEMETRY_DISABLED: '1',
        PAYLOAD_SECRET: secret,
        DATABASE_URI: databaseUri,
        MEDIA_DIR: path.join(dir, 'media'),
        PORT: String(port),
        HOST: '127.0.0.1',
        SERVER_URL: base,
        SITE_URL: base,
        LOG_LEVEL: 'warn',
        ...extraEnv,
      },
      stdio: ['ignore', 'ignore', 'inherit'],
      detached: true,
    })
    const deadline = Date.now() + 180_000
    while (Date.now() < deadline) {
      if (child.exitCode !== null) throw new Error(`server exited with ${child.exitCode}`)
      try {
        if ((await fetch(`${base}/healthz`)).ok) return { base, child }
      } catch {
        // not yet
      }
      await new Promise((resolve) => setTimeout(resolve, 500))
    }
    throw new Error('server did not start')
  }

  const stopServer = async (child: ChildProcess) => {
    const exited = new Promise((resolve) => child.once('exit', resolve))
    try {
      process.kill(-child.pid!, 'SIGTERM')
    } catch {
      return
    }
    await exited
  }

  return { dir, databaseUri, secret, startServer, stopServer }
}
