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
  /** 1 where a pattern ends at the node or at a suffix of it (out or dict): one read per symbol */
  private readonly emits: Uint8Array
  /** sparse edges: open addressing, key = (node, sym) */
  private readonly hNode: Int32Array
  private readonly hSym: Int32Array
  private readonly hVal: Int32Array
  private readonly hMask: number
  /** BMP symbols that label at least one sparse edge */
  private readonly sparseBmp: Uint8Array
  private readonly sparseAstral: Set<number>

  constructor(patterns: ArrayLike<number>[]) {
    // 1. trie, in typed arrays: node count ≤ 1 + total pattern length; the
    // edges of the trie in one open-addressing table keyed by (node, symbol),
    // each node's children in a linked list (first, next sibling) in insertion order
    let bound = 1
    for (const p of patterns) bound += p.length
    const edgeSym = new Int32Array(bound) // symbol on the edge into a node
    const parentOf = new Int32Array(bound)
    const firstChild = new Int32Array(bound).fill(-1)
    const lastChild = new Int32Array(bound).fill(-1)
    const nextSibling = new Int32Array(bound).fill(-1)
    const outList = new Int32Array(bound).fill(-1)
    let tsize = 8
    while (tsize < bound * 2) tsize <<= 1
    const tmask = tsize - 1
    const tNode = new Int32Array(tsize).fill(-1)
    const tSym = new Int32Array(tsize)
    const tVal = new Int32Array(tsize)
    const child = (node: number, sym: number): number => {
      let h = hash(node, sym) & tmask
      for (;;) {
        const k = tNode[h]
        if (k === -1) return -1
        if (k === node && tSym[h] === sym) return tVal[h]
        h = (h + 1) & tmask
      }
    }
    let n = 1
    const nextSame = new Int32Array(Math.max(1, patterns.length)).fill(-1)
    for (let pid = 0; pid < patterns.length; pid++) {
      const p = patterns[pid]
      if (p.length === 0) continue
      let node = 0
      for (let i = 0; i < p.length; i++) {
        const sym = p[i]
        let next = child(node, sym)
        if (next === -1) {
          next = n++
          edgeSym[next] = sym
          parentOf[next] = node
          if (lastChild[node] === -1) firstChild[node] = next
          else nextSibling[lastChild[node]] = next
          lastChild[node] = next
          let h = hash(node, sym) & tmask
          while (tNode[h] !== -1) h = (h + 1) & tmask
          tNode[h] = node
          tSym[h] = sym
          tVal[h] = next
        }
        node = next
      }
      nextSame[pid] = outList[node]
      outList[node] = pid
    }
    this.nodeCount = n
    this.nextSame = nextSame

    // 2. failure links and dictionary links, in BFS order (trie numbering)
    const fail = new Int32Array(n)
    const dict = new Int32Array(n).fill(-1)
    const order = new Int32Array(n)
    let head = 0
    let tail = 0
    order[tail++] = 0
    while (head < tail) {
      const u = order[head++]
      for (let v = firstChild[u]; v !== -1; v = nextSibling[v]) {
        const sym = edgeSym[v]
        if (u === 0) {
          fail[v] = 0
        } else {
          let f = fail[u]
          let target = child(f, sym)
          while (target === -1 && f !== 0) {
            f = fail[f]
            target = child(f, sym)
          }
          fail[v] = target !== -1 && target !== v ? target : 0
        }
        const fv = fail[v]
        dict[v] = outList[fv] >= 0 ? fv : dict[fv]
        order[tail++] = v
      }
    }

    // 3. renumber the nodes in BFS order: the shallow nodes, where a scan of
    // ordinary text spends nearly all its steps, sit together at the start of
    // the tables (a 10,000-term list has ~95,000 nodes, a 14 MB dense table)
    const id = new Int32Array(n)
    for (let k = 0; k < n; k++) id[order[k]] = k
    const out = new Int32Array(n)
    const fail2 = new Int32Array(n)
    const dict2 = new Int32Array(n)
    for (let k = 0; k < n; k++) {
      const u = order[k]
      out[k] = outList[u]
      fail2[k] = id[fail[u]]
      dict2[k] = dict[u] >= 0 ? id[dict[u]] : -1
    }
    this.out = out
    this.fail = fail2
    this.dict = dict2
    const emits = new Uint8Array(n)
    for (let k = 0; k < n; k++) if (out[k] >= 0 || dict2[k] >= 0) emits[k] = 1
    this.emits = emits

    // 4. dense complete transition table (new numbering): a node's row is its
    // failure target's row (shallower, so already filled) with its own children over it
    const delta = new Int32Array(n * W)
    let sparseCount = 0
    for (let k = 0; k < n; k++) {
      const base = k * W
      if (k > 0) {
        const fbase = fail2[k] * W
        delta.copyWithin(base, fbase, fbase + W)
      }
      for (let v = firstChild[order[k]]; v !== -1; v = nextSibling[v]) {
        const sym = edgeSym[v]
        const col = sym < 128 ? DENSE_COL[sym] : -1
        if (col >= 0) delta[base + col] = id[v]
        else sparseCount++
      }
    }
    this.delta = delta

    // 5. sparse edges (new numbering)
    let size = 8
    while (size < sparseCount * 2) size <<= 1
    this.hMask = size - 1
    this.hNode = new Int32Array(size).fill(-1)
    this.hSym = new Int32Array(size)
    this.hVal = new Int32Array(size)
    this.sparseBmp = new Uint8Array(0x10000)
    this.sparseAstral = new Set()
    for (let v = 1; v < n; v++) {
      const sym = edgeSym[v]
      if (sym < 128 && DENSE_COL[sym] >= 0) continue
      if (sym < 0x10000) this.sparseBmp[sym] = 1
      else this.sparseAstral.add(sym)
      const u = id[parentOf[v]] // the edge parent → v
      let h = hash(u, sym) & this.hMask
      while (this.hNode[h] !== -1) h = (h + 1) & this.hMask
      this.hNode[h] = u
      this.hSym[h] = sym
      this.hVal[h] = id[v]
    }
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
    const emits = this.emits
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
      if (emits[node] === 1) {
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
