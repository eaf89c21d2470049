import { describe, expect, it } from 'vitest';
import { ByteLru } from '../../src/store/byte-lru.js';

const keys = (lru: ByteLru<string>, candidates: string[]) => candidates.filter((key) => lru.get(key) !== undefined);

describe('ByteLru', () => {
  it('forgets the least recently used values once their bytes pass the budget', () => {
    const lru = new ByteLru<string>({ entries: 100, bytes: 100 });
    lru.set('a', 'A', 40);
    lru.set('b', 'B', 40);
    lru.get('a');
    lru.set('c', 'C', 40);
    expect(lru.bytes).toBe(80);
    expect(keys(lru, ['a', 'b', 'c'])).toEqual(['a', 'c']);
  });

  it('forgets the least recently used past the entry count', () => {
    const lru = new ByteLru<string>({ entries: 2, bytes: 1_000 });
    for (const key of ['a', 'b', 'c']) lru.set(key, key, 1);
    expect(keys(lru, ['a', 'b', 'c'])).toEqual(['b', 'c']);
  });

  it('counts a value set again at its new size', () => {
    const lru = new ByteLru<string>({ entries: 10, bytes: 100 });
    lru.set('a', 'small', 10);
    lru.set('a', 'large', 70);
    lru.delete('missing');
    expect(lru.bytes).toBe(70);
    expect(lru.size).toBe(1);
  });

  it('keeps the value just set even when it alone is over the budget', () => {
    const lru = new ByteLru<string>({ entries: 10, bytes: 100 });
    lru.set('a', 'A', 10);
    lru.set('huge', 'H', 500);
    expect(keys(lru, ['a', 'huge'])).toEqual(['huge']);
  });
});
