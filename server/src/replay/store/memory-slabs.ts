import { pack, unpack } from '../../store/packed.js';
import type { Packed } from '../../store/packed.js';

/** Where small entries are laid back to back. 64 KB: a slab's own two objects are nothing beside it. */
const SLAB_BYTES = 64 * 1024;
/** From this size an entry is deflated on its own (a seeded document); below it, it goes into a slab as it is. */
const OWN_FROM = 1024;

/**
 * A recording's updates, kept for the life of the process. A keystroke's update is a few dozen
 * bytes, and as a `Uint8Array` of its own it is two objects more for every major GC to trace:
 * 420,000 of them in a 500-room bench run, whose collections then stalled the server for
 * 100-460 ms. Small updates are copied into shared slabs instead, and read back as copies.
 */
export class UpdateSlabs {
  private readonly slabs: Uint8Array[] = [];
  private used = SLAB_BYTES;
  /** Per stored update: slab index (or -1 with the index into `own`), offset, length. */
  private readonly places: number[] = [];
  private readonly own: Packed[] = [];

  /** Keeps a copy of `update` and says where: the number to read it back by. */
  put(update: Uint8Array): number {
    const id = this.places.length / 3;
    if (update.length >= OWN_FROM) {
      const held: Packed = { bytes: update.slice(), deflated: false };
      const index = this.own.push(held) - 1;
      this.places.push(-1, index, update.length);
      // Deflated once the thread pool has done it; until then, or if zlib fails, it is kept whole.
      pack(held.bytes).then(
        (packed) => (this.own[index] = packed),
        () => undefined,
      );
      return id;
    }
    if (this.used + update.length > SLAB_BYTES) {
      this.slabs.push(new Uint8Array(SLAB_BYTES));
      this.used = 0;
    }
    const slab = this.slabs.length - 1;
    this.slabs[slab]!.set(update, this.used);
    this.places.push(slab, this.used, update.length);
    this.used += update.length;
    return id;
  }

  /** A copy of the update kept as `id`. */
  async get(id: number): Promise<Uint8Array> {
    const slab = this.places[id * 3]!;
    const offset = this.places[id * 3 + 1]!;
    if (slab === -1) return unpack(this.own[offset]!);
    return this.slabs[slab]!.slice(offset, offset + this.places[id * 3 + 2]!);
  }
}
