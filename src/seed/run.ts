/** `npm run seed`: idempotent demo data on the database DATABASE_URI names (SQLite ./data/newsroom.db by default). */
import { getPayload } from 'payload'

import { closeDatabase } from '../host/database'
import { seed } from './index'

process.env.LOG_LEVEL ??= 'warn'
const { default: config } = await import('../payload.config')
const payload = await getPayload({ config })

const result = await seed(payload, {
  progress: (step, total, label) => process.stdout.write(`\rseed: [${step}/${total}] ${label.padEnd(24)}`),
  passwords: {
    admin: process.env.SEED_ADMIN_PASSWORD,
    editor: process.env.SEED_EDITOR_PASSWORD,
    moderator: process.env.SEED_MODERATOR_PASSWORD,
  },
  emails: { admin: process.env.SEED_ADMIN_EMAIL, editor: process.env.SEED_EDITOR_EMAIL, moderator: process.env.SEED_MODERATOR_EMAIL },
})
process.stdout.write('\n')
const created = Object.entries(result.counts).map(([name, count]) => `${count} ${name}`).join(', ')
console.log(`seed: created ${created} (what already existed was left as it was)`)
for (const user of result.users) {
  console.log(`  ${user.role.padEnd(9)} ${user.email.padEnd(28)} ${user.password ?? '(exists; password unchanged)'}`)
}
await closeDatabase(payload)
process.exit(0)
