import { expect, it } from 'vitest';
import { UpdateSlabs } from '../src/replay/store/memory-slabs.js';

const update = (n: number, length: number) => Uint8Array.from({ length }, (_, i) => (n * 31 + i) % 251);

it('gives back every update byte for byte across slab boundaries, small and large alike', async () => {
  const slabs = new UpdateSlabs();
  // 300-900 bytes each, every tenth 5 KB and kept on its own: two 64 KB slabs fill, and some updates do not fit the rest of one.
  const kept = Array.from({ length: 200 }, (_, n) => update(n, n % 10 === 0 ? 5_000 : 300 + ((n * 37) % 600)));
  const ids = kept.map((bytes) => slabs.put(bytes));
  expect(await Promise.all(ids.map((id) => slabs.get(id)))).toEqual(kept);
});

it('keeps a copy, so the caller may reuse the buffer it handed in', async () => {
  const slabs = new UpdateSlabs();
  const bytes = update(1, 40);
  const id = slabs.put(bytes);
  bytes.fill(0);
  expect(await slabs.get(id)).toEqual(update(1, 40));
});
