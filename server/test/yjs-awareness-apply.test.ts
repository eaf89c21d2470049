import { describe, expect, it } from 'vitest';
import { Awareness, applyAwarenessUpdate } from 'y-protocols/awareness';
import * as Y from 'yjs';
import { awarenessUpdate } from '../../tests/support/yjs.js';
import type { GuardedEntry } from '../src/yjs/awareness-guard.js';
import { applyAwarenessEntries } from '../src/yjs/origin.js';
import type { ConnectionOrigin } from '../src/yjs/origin.js';
import type { DocConnection } from '../src/yjs/shared-doc.js';

const origin: ConnectionOrigin = { kind: 'connection', connection: {} as DocConnection };
const serverAwareness = () => {
  const awareness = new Awareness(new Y.Doc());
  awareness.setLocalState(null);
  const events: unknown[] = [];
  awareness.on('update', (change: unknown) => events.push(change));
  return { awareness, events };
};
/** The clients' states and clocks (not the server's own entry: each document has its own id). */
const seen = (awareness: Awareness) => ({
  states: [...awareness.getStates()],
  clocks: [...awareness.meta].filter(([id]) => id !== awareness.clientID).map(([id, meta]) => [id, meta.clock]),
});

describe("the server's own apply of guarded awareness entries", () => {
  it('leaves the same states and clocks, and reports the same updates, as y-protocols applying the bytes', () => {
    const steps: GuardedEntry[][] = [
      [{ clientId: 7, clock: 1, state: { user: { name: 'Ada' }, cursor: 1 } }],
      [{ clientId: 7, clock: 2, state: { user: { name: 'Ada' }, cursor: 2 } }],
      [{ clientId: 7, clock: 2, state: { user: { name: 'Ada' }, cursor: 9 } }],
      [
        { clientId: 7, clock: 3, state: null },
        { clientId: 8, clock: 5, state: { user: { name: 'Bob' } } },
      ],
      [{ clientId: 7, clock: 4, state: { user: { name: 'Ada' } } }],
      [{ clientId: 7, clock: 4, state: null }],
      [{ clientId: 7, clock: 4, state: null }],
    ];
    const ours = serverAwareness();
    const theirs = serverAwareness();
    for (const step of steps) {
      applyAwarenessEntries(ours.awareness, step, origin);
      applyAwarenessUpdate(theirs.awareness, awarenessUpdate(step), origin);
      expect(seen(ours.awareness)).toEqual(seen(theirs.awareness));
    }
    expect(ours.events).toEqual(theirs.events);
    expect(ours.events).toHaveLength(5);
  });
});
