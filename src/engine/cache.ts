// A cache bounded by the size of what it holds, not by its number of entries: the analysis
// worker runs in a small heap, and ten thousand cached paragraphs of one large document weigh
// more than ten thousand of a small one.
//
// Two generations. New entries go to the young one; when it is full it becomes the old one and
// the old one is dropped. A hit in the old generation moves the entry back to the young one, so
// what the open documents use stays, and what a closed document left goes after two turns.

/** What an entry costs beyond its key's characters, in characters: the objects it holds. */
export const ENTRY_COST = 200

export class GenerationalCache<V> {
  private young = new Map<string, V>()
  private old = new Map<string, V>()
  private youngSize = 0

  /** `budget`: characters of keys (plus `ENTRY_COST` each) one generation may hold. */
  constructor(private budget: number) {}

  /** Hold `budget` characters per generation from now on; forgets everything. */
  resize(budget: number): void {
    this.budget = budget
    this.clear()
  }

  get(key: string): V | undefined {
    const value = this.young.get(key)
    if (value !== undefined) return value
    const aged = this.old.get(key)
    if (aged !== undefined) {
      this.old.delete(key)
      this.set(key, aged)
    }
    return aged
  }

  set(key: string, value: V): void {
    if (this.young.has(key)) {
      this.young.set(key, value)
      return
    }
    const size = key.length + ENTRY_COST
    if (this.youngSize + size > this.budget && this.young.size > 0) {
      this.old = this.young
      this.young = new Map()
      this.youngSize = 0
    }
    this.young.set(key, value)
    this.youngSize += size
  }

  clear(): void {
    this.young.clear()
    this.old.clear()
    this.youngSize = 0
  }

  /** Entries in both generations. */
  get size(): number {
    return this.young.size + this.old.size
  }
}
