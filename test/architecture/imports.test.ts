/**
 * The house plan's arrows, checked on the import graph: collections → hooks → src rooms → pure modules → access.
 * Reads every TypeScript file's static and dynamic imports (relative ones resolved to files), so a new import that
 * points the wrong way fails here, with the file and the import named.
 */
import fs from 'node:fs'
import path from 'node:path'

import { describe, expect, it } from 'vitest'

const root = path.resolve(__dirname, '../..')
const SOURCE = /\.(ts|tsx|mts)$/

const walk = (dir: string): string[] =>
  fs.readdirSync(path.join(root, dir), { withFileTypes: true }).flatMap((entry) => {
    const rel = path.posix.join(dir, entry.name)
    if (entry.isDirectory()) return entry.name === 'node_modules' ? [] : walk(rel)
    return SOURCE.test(entry.name) && !entry.name.endsWith('.d.ts') ? [rel] : []
  })

const IMPORT = /(?:^|[\s;])(?:import|export)\s+(?:type\s+)?(?:[^'"`;]*?\s+from\s+)?['"]([^'"]+)['"]|import\(\s*['"]([^'"]+)['"]\s*\)/gm

/** The relative imports of a file, resolved to repository paths (`src/comments/facts.ts`); packages as written. */
export const importsOf = (file: string): string[] => {
  const text = fs.readFileSync(path.join(root, file), 'utf8').replace(/\/\*[\s\S]*?\*\//g, '').replace(/^\s*\/\/.*$/gm, '')
  const found: string[] = []
  for (const match of text.matchAll(IMPORT)) {
    const spec = match[1] ?? match[2]!
    if (!spec.startsWith('.')) {
      found.push(spec)
      continue
    }
    const base = path.posix.normalize(path.posix.join(path.posix.dirname(file), spec))
    const candidates = [base, `${base}.ts`, `${base}.tsx`, `${base}/index.ts`, `${base}/index.tsx`]
    found.push(candidates.find((candidate) => fs.existsSync(path.join(root, candidate)) && fs.statSync(path.join(root, candidate)).isFile()) ?? base)
  }
  return found
}

const graph = new Map<string, string[]>()
for (const dir of ['src', 'hooks', 'collections', 'access']) for (const file of walk(dir)) graph.set(file, importsOf(file))

const offending = (from: (file: string) => boolean, to: (target: string) => boolean) =>
  [...graph].flatMap(([file, targets]) => (from(file) ? targets.filter(to).map((target) => `${file} → ${target}`) : []))

const under = (...dirs: string[]) => (file: string) => dirs.some((dir) => file === dir || file.startsWith(`${dir}/`))
// The plugin's assembly wires collections into the config: the one place under src/ that may reach them.
const ASSEMBLY = new Set(['src/index.ts', 'src/config.ts'])

describe('import direction (house plan)', () => {
  it('reads the graph (the check is not vacuous)', () => {
    expect(graph.get('src/index.ts')).toContain('collections/Comments/index.ts')
    expect(graph.get('hooks/comments/moderateComment.ts')).toContain('src/comments/moderate.ts')
    expect(graph.size).toBeGreaterThan(80)
  })

  it('no file under src/ but the plugin assembly imports from hooks/ or collections/', () => {
    expect(offending((file) => under('src')(file) && !ASSEMBLY.has(file), under('hooks', 'collections'))).toEqual([])
  })

  it('hooks/ never import collections/', () => {
    expect(offending(under('hooks'), under('collections'))).toEqual([])
  })

  it('access/ imports nothing of ours but access/ and the generated types', () => {
    const ours = (target: string) => !target.startsWith('.') && /^(src|hooks|collections)\//.test(target) && target !== 'src/payload-types.ts'
    expect(offending(under('access'), ours)).toEqual([])
  })

  it('src/moderation and src/attribution know nothing of Payload and nothing of ours outside themselves', () => {
    for (const room of ['src/moderation', 'src/attribution']) {
      const inRoom = under(room)
      expect(offending(inRoom, (target) => /^(payload|@payloadcms\/)/.test(target))).toEqual([])
      expect(offending(inRoom, (target) => /^(src|hooks|collections|access)\//.test(target) && !inRoom(target))).toEqual([])
    }
  })

  it('the comments room, attribution and moderation have no import cycles', () => {
    const rooms = under('src/comments', 'src/attribution', 'src/moderation')
    const cycles: string[] = []
    const state = new Map<string, 'open' | 'done'>()
    const visit = (file: string, trail: string[]) => {
      if (state.get(file) === 'done') return
      if (state.get(file) === 'open') {
        cycles.push([...trail.slice(trail.indexOf(file)), file].join(' → '))
        return
      }
      state.set(file, 'open')
      for (const target of graph.get(file) ?? []) if (rooms(target) && graph.has(target)) visit(target, [...trail, file])
      state.set(file, 'done')
    }
    for (const file of graph.keys()) if (rooms(file)) visit(file, [])
    expect(cycles).toEqual([])
  })

  it('every comment phase is a file of its own, listed once in the order', () => {
    const dir = 'src/comments/pipeline'
    const phases = walk(dir).filter((file) => !/\/(index|types|refusals)\.ts$/.test(file))
    const order = fs.readFileSync(path.join(root, dir, 'index.ts'), 'utf8')
    for (const file of phases) expect(graph.get(`${dir}/index.ts`), file).toContain(file)
    expect(phases.length).toBeGreaterThanOrEqual(13)
    expect(order.match(/^\s*\['\w+', \w+\],$/gm)?.length).toBe(phases.length)
  })
})
