/**
 * Aho–Corasick automaton over code points.
 *
 * Built once per policy. Scanning costs O(text length + matches), independent
 * of the number of patterns. The frequent alphabet (a–z, 0–9, space) uses a
 * complete transition table (one array read per symbol); every other symbol
 * (CJK, punctuation, other scripts) uses an open-addressing hash of the trie
 * edges plus failure links. Symbols that occur in no pattern go straight to
 * the root. No regular expressions are involved.
 */

const DENSE_COL = new Int8Array(128).fill(-1)
const DENSE_SYMS: number[] = []
for (let c = 0x61; c <= 0x7a; c++) DENSE_SYMS.push(c)
for (let c = 0x30; c <= 0x39; c++) DENSE_SYMS.push(c)
DENSE_SYMS.push(0x20)
DENSE_SYMS.forEach((s, i) => (DENSE_COL[s] = i))
const W = DENSE_SYMS.length // 37

export type MatchCallback = (patternId: number, endIndex: number) => void

export class Automaton {
  readonly nodeCount: number
  /** complete transitions for the dense alphabet: delta[node * W + col] */
  private readonly delta: Int32Array
  private readonly fail: Int32Array
  /** first pattern ending exactly at node, -1 if none */
  private readonly out: Int32Array
  /** next pattern with the same normalised form (chain), -1 if none */
  private readonly nextSame: Int32Array
  /** nearest proper suffix node having an output, -1 if none */
  private readonly dict: Int32Array
  /** sparse edges: open addressing, key = (node, sym) */
  private readonly hNode: Int32Array
  private readonly hSym: Int32Array
  private readonly hVal: Int32Array
  private readonly hMask: number
  /** BMP symbols that label at least one sparse edge */
  private readonly sparseBmp: Uint8Array
  private readonly sparseAstral: Set<number>

  constructor(patterns: ArrayLike<number>[]) {
    // 1. trie
    const children: Map<number, number>[] = [new Map()]
    const outList: number[] = [-1]
    const nextSame = new Int32Array(Math.max(1, patterns.length)).fill(-1)
    patterns.forEach((p, id) => {
      if (p.length === 0) return
      let node = 0
      for (let i = 0; i < p.length; i++) {
        const sym = p[i]
        let next = children[node].get(sym)
        if (next === undefined) {
          next = children.length
          children.push(new Map())
          outList.push(-1)
          children[node].set(sym, next)
        }
        node = next
      }
      nextSame[id] = outList[node]
      outList[node] = id
    })
    const n = children.length
    this.nodeCount = n
    this.out = Int32Array.from(outList)
    this.nextSame = nextSame

    // 2. failure links and dictionary links, in BFS order
    const fail = new Int32Array(n)
    const dict = new Int32Array(n).fill(-1)
    const order = new Int32Array(n)
    let head = 0
    let tail = 0
    order[tail++] = 0
    while (head < tail) {
      const u = order[head++]
      for (const [sym, v] of children[u]) {
        if (u === 0) {
          fail[v] = 0
        } else {
          let f = fail[u]
          let target = children[f].get(sym)
          while (target === undefined && f !== 0) {
            f = fail[f]
            target = children[f].get(sym)
          }
          fail[v] = target !== undefined && target !== v ? target : 0
        }
        const fv = fail[v]
        dict[v] = this.out[fv] >= 0 ? fv : dict[fv]
        order[tail++] = v
      }
    }
    this.fail = fail
    this.dict = dict

    // 3. dense complete transition table
    const delta = new Int32Array(n * W)
    for (let k = 0; k < n; k++) {
      const u = order[k]
      const base = u * W
      const fbase = fail[u] * W
      const ch = children[u]
      for (let col = 0; col < W; col++) {
        const c = ch.get(DENSE_SYMS[col])
        delta[base + col] = c !== undefined ? c : u === 0 ? 0 : delta[fbase + col]
      }
    }
    this.delta = delta

    // 4. sparse edges
    let sparseCount = 0
    for (const ch of children) for (const sym of ch.keys()) if (!(sym < 128 && DENSE_COL[sym] >= 0)) sparseCount++
    let size = 8
    while (size < sparseCount * 2) size <<= 1
    this.hMask = size - 1
    this.hNode = new Int32Array(size).fill(-1)
    this.hSym = new Int32Array(size)
    this.hVal = new Int32Array(size)
    this.sparseBmp = new Uint8Array(0x10000)
    this.sparseAstral = new Set()
    children.forEach((ch, u) => {
      for (const [sym, v] of ch) {
        if (sym < 128 && DENSE_COL[sym] >= 0) continue
        if (sym < 0x10000) this.sparseBmp[sym] = 1
        else this.sparseAstral.add(sym)
        let h = hash(u, sym) & this.hMask
        while (this.hNode[h] !== -1) h = (h + 1) & this.hMask
        this.hNode[h] = u
        this.hSym[h] = sym
        this.hVal[h] = v
      }
    })
  }

  private edge(node: number, sym: number): number {
    const mask = this.hMask
    let h = hash(node, sym) & mask
    const hNode = this.hNode
    for (;;) {
      const k = hNode[h]
      if (k === -1) return -1
      if (k === node && this.hSym[h] === sym) return this.hVal[h]
      h = (h + 1) & mask
    }
  }

  /**
   * Scan symbols[0..length) and report every (pattern, end index) occurrence.
   */
  scan(symbols: Int32Array, length: number, onMatch: MatchCallback): void {
    const delta = this.delta
    const out = this.out
    const dict = this.dict
    const fail = this.fail
    const sparseBmp = this.sparseBmp
    let node = 0
    for (let i = 0; i < length; i++) {
      const sym = symbols[i]
      const col = sym < 128 ? DENSE_COL[sym] : -1
      if (col >= 0) {
        node = delta[node * W + col]
      } else if (sym < 0x10000 ? sparseBmp[sym] === 0 : !this.sparseAstral.has(sym)) {
        node = 0
        continue
      } else {
        for (;;) {
          const c = this.edge(node, sym)
          if (c >= 0) {
            node = c
            break
          }
          if (node === 0) break
          node = fail[node]
        }
      }
      if (out[node] >= 0 || dict[node] >= 0) {
        let m = out[node] >= 0 ? node : dict[node]
        while (m >= 0) {
          for (let id = out[m]; id >= 0; id = this.nextSame[id]) onMatch(id, i)
          m = dict[m]
        }
      }
    }
  }
}

function hash(node: number, sym: number): number {
  return (Math.imul(node, 0x9e3779b1) ^ Math.imul(sym + 0x7f4a7c15, 0x85ebca77)) >>> 7
}
