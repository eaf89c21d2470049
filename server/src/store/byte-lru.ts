/**
 * The most recently used values, bounded by count and by the bytes they stand for (their JSON
 * text, which a parsed room state takes about as much heap as: bench/state-cache.ts), so a few
 * rooms with many long questions cannot grow a process's heap past the budget.
 */
export class ByteLru<V> {
  private readonly entries = new Map<string, { value: V; bytes: number }>();
  private total = 0;

  constructor(private readonly limits: { entries: number; bytes: number }) {}

  get bytes(): number {
    return this.total;
  }

  get size(): number {
    return this.entries.size;
  }

  /** The value, now the most recently used. */
  get(key: string): V | undefined {
    const entry = this.entries.get(key);
    if (!entry) return undefined;
    this.entries.delete(key);
    this.entries.set(key, entry);
    return entry.value;
  }

  set(key: string, value: V, bytes: number): void {
    this.delete(key);
    this.entries.set(key, { value, bytes });
    this.total += bytes;
    for (const [oldest, entry] of this.entries) {
      if (this.entries.size <= this.limits.entries && this.total <= this.limits.bytes) break;
      if (oldest === key) break;
      this.entries.delete(oldest);
      this.total -= entry.bytes;
    }
  }

  clear(): void {
    this.entries.clear();
    this.total = 0;
  }

  delete(key: string): void {
    const entry = this.entries.get(key);
    if (!entry) return;
    this.entries.delete(key);
    this.total -= entry.bytes;
  }
}
