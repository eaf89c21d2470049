import * as decoding from 'lib0/decoding';
import { describe, expect, it } from 'vitest';
import { awarenessUpdate as encode } from '../../tests/support/yjs.js';
import { guardAwareness } from '../src/yjs/awareness-guard.js';
import type { AwarenessVerdict } from '../src/yjs/awareness-guard.js';

const states = (update: Uint8Array) => {
  const decoder = decoding.createDecoder(update);
  return Array.from({ length: decoding.readVarUint(decoder) }, () => {
    decoding.readVarUint(decoder);
    decoding.readVarUint(decoder);
    return JSON.parse(decoding.readVarString(decoder)) as unknown;
  });
};
const ownerOf = (own: number) => ({ name: 'Ada', judge: (id: number): AwarenessVerdict => (id === own ? 'keep' : 'drop') });

describe('the awareness guard', () => {
  it('passes on the very bytes of a cursor that names its sender as the server does', () => {
    const state = { user: { name: 'Ada' }, cursor: { line: 4 } };
    const update = encode([{ clientId: 7, clock: 3, state }]);
    expect(guardAwareness(update, ownerOf(7))).toEqual({ update, entries: [{ clientId: 7, clock: 3, state }], dropped: 0 });
    expect(guardAwareness(update, ownerOf(7)).update).toBe(update);
  });

  it("puts the server's name in place of the one a client claims", () => {
    const guarded = guardAwareness(encode([{ clientId: 7, clock: 3, state: { user: { name: 'Mallory' }, cursor: { line: 4 } } }]), ownerOf(7));
    expect(states(guarded.update!)).toEqual([{ user: { name: 'Ada' }, cursor: { line: 4 } }]);
    expect(guarded.entries.map((entry) => entry.state)).toEqual([{ user: { name: 'Ada' }, cursor: { line: 4 } }]);
  });

  it("drops a write to another client's state and keeps the sender's own", () => {
    const guarded = guardAwareness(
      encode([
        { clientId: 7, clock: 3, state: { user: { name: 'Ada' } } },
        { clientId: 8, clock: 9, state: { user: { name: 'Bob' } } },
      ]),
      ownerOf(7),
    );
    expect(guarded.entries.map((entry) => entry.clientId)).toEqual([7]);
    expect(guarded.dropped).toBe(1);
    expect(states(guarded.update!)).toEqual([{ user: { name: 'Ada' } }]);
  });

  it('passes on no bytes that trail the entries', () => {
    const update = encode([{ clientId: 7, clock: 3, state: { user: { name: 'Ada' } } }], [1, 2, 3, 4]);
    const guarded = guardAwareness(update, ownerOf(7));
    expect(guarded.update).toEqual(encode([{ clientId: 7, clock: 3, state: { user: { name: 'Ada' } } }]));
  });

  it('leaves nothing to apply when every entry is dropped', () => {
    expect(guardAwareness(encode([{ clientId: 8, clock: 1, state: {} }]), ownerOf(7))).toEqual({ update: null, entries: [], dropped: 1 });
  });
});
