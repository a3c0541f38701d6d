/**
 * `npm run migrations:generate`: (re)writes the initial migration of each SQL dialect from the current schema
 * (src/migrations/sqlite, src/migrations/postgres). Production applies them on start (`prodMigrations`).
 * `npm run migrations:check`: fails when the schema has changed since the committed migrations.
 */
import { spawnSync } from 'node:child_process'
import fs from 'node:fs'
import path from 'node:path'

const DIALECTS = {
  sqlite: 'file:/tmp/newsroom-migrations.db',
  postgres: 'postgres://postgres@127.0.0.1:5432/newsroom_migrations',
} as const

const check = process.argv.includes('--check')
let drift = false

const files = (dir: string) => (fs.existsSync(dir) ? fs.readdirSync(dir).sort() : [])

for (const [dialect, uri] of Object.entries(DIALECTS)) {
  const dir = path.resolve('src/migrations', dialect)
  const before = files(dir)
  const indexFile = path.join(dir, 'index.ts')
  const indexBefore = fs.existsSync(indexFile) ? fs.readFileSync(indexFile, 'utf8') : ''
  if (!check) {
    // src/config.ts imports the index, so leave an empty one for migrate:create to rewrite.
    fs.rmSync(dir, { recursive: true, force: true })
    fs.mkdirSync(dir, { recursive: true })
    fs.writeFileSync(path.join(dir, 'index.ts'), 'export const migrations = []\n')
  }
  const args = ['payload', 'migrate:create', check ? 'drift' : 'initial', '--forceAcceptWarning']
  const run = spawnSync('npx', args, {
    env: { ...process.env, PAYLOAD_CONFIG_PATH: 'src/payload.config.ts', DATABASE_URI: uri, LOG_LEVEL: 'warn' },
    encoding: 'utf8',
  })
  if (run.status !== 0) {
    console.error(run.stdout, run.stderr)
    console.error(`migrations: migrate:create failed for ${dialect}`)
    process.exit(1)
  }
  const after = files(dir)
  const added = after.filter((file) => (check ? !before.includes(file) : true) && file !== 'index.ts')
  if (check) {
    // An empty migration holds only the template's placeholder comments: the schema has not changed.
    const changes = added
      .filter((file) => file.endsWith('.ts'))
      .some((file) => /\b(sql`|db\.run|db\.execute)/.test(fs.readFileSync(path.join(dir, file), 'utf8')))
    for (const file of added) fs.rmSync(path.join(dir, file))
    fs.writeFileSync(indexFile, indexBefore)
    if (changes) {
      drift = true
      console.error(`migrations: the ${dialect} schema differs from src/migrations/${dialect}: run npm run migrations:generate`)
    } else {
      console.log(`migrations: ${dialect} is up to date`)
    }
  } else {
    console.log(`migrations: wrote ${added.join(', ')} in src/migrations/${dialect}`)
  }
}
process.exit(drift ? 1 : 0)
