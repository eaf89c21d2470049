import * as encoding from 'lib0/encoding';
import { beforeEach, describe, expect, it } from 'vitest';
import type { WebSocket } from 'ws';
import { ClientEvent } from '@quorum/shared';
import { joinAs, request } from '../support/client.js';
import { useRoomServer } from '../support/room-server.js';
import type { RoomClient } from '../support/client.js';
import { awarenessUpdate, openDoc, rawSocket, whenSynced } from '../support/yjs.js';
import type { ProvidedDoc } from '../support/yjs.js';

/** A y-websocket awareness message setting (or, with null, removing) the state of any client id. */
function awarenessMessage(entries: { clientId: number; clock: number; state: unknown }[]): Buffer {
  const message = encoding.createEncoder();
  encoding.writeVarUint(message, 1);
  encoding.writeVarUint8Array(message, awarenessUpdate(entries));
  return Buffer.from(encoding.toUint8Array(message));
}

const OWN_ID = 424_242;

describe('cursors and names on a document (awareness)', () => {
  const ctx = useRoomServer();
  let ivy: ProvidedDoc;
  let watcher: ProvidedDoc;
  const joined = new Map<'interviewer' | 'candidate', RoomClient>();

  beforeEach(async () => {
    for (const [role, name] of [['interviewer', 'Ivy'], ['candidate', 'Cy']] as const) {
      const socket = await joinAs(ctx.server.url, ctx.room.roomId, ctx.room.tokens[role], name);
      joined.set(role, socket);
      ctx.defer(() => socket.disconnect());
    }
    ivy = openDoc(ctx.server.url, ctx.room.roomId, 'board', ctx.room.tokens.interviewer);
    watcher = openDoc(ctx.server.url, ctx.room.roomId, 'board', ctx.room.tokens.observer);
    ctx.defer(() => ivy.destroy(), () => watcher.destroy());
    await Promise.all([whenSynced(ivy), whenSynced(watcher)]);
    ivy.provider.awareness.setLocalStateField('user', { name: 'Ivy', color: 'blue' });
    await expect.poll(() => watcher.provider.awareness.getStates().get(ivy.doc.clientID)?.user?.name).toBe('Ivy');
  });

  const attackerOn = async (role: 'candidate' | 'observer'): Promise<WebSocket> => {
    const opened = await rawSocket(ctx.server.url, `/yjs/${ctx.room.roomId}/board?token=${ctx.room.tokens[role]}`);
    if (!('ws' in opened)) throw new Error(`refused with ${opened.status}`);
    ctx.defer(() => opened.ws.terminate());
    return opened.ws;
  };
  const stateOf = (clientId: number) => watcher.provider.awareness.getStates().get(clientId);
  const foreignDropped = async () => {
    const text = await (await fetch(`${ctx.server.url}/metrics`)).text();
    return Number(/quorum_yjs_rejected_total\{reason="foreign-awareness"\} (\d+)/.exec(text)?.[1] ?? 0);
  };

  it.each(['candidate', 'observer'] as const)('drops a %s connection setting or removing another person’s cursor, and counts it', async (role) => {
    const attacker = await attackerOn(role);
    const ivyClock = ivy.provider.awareness.meta.get(ivy.doc.clientID)!.clock;
    attacker.send(awarenessMessage([{ clientId: ivy.doc.clientID, clock: ivyClock + 10, state: { user: { name: `SPOOFED by ${role}` }, cursor: { x: 1 } } }]));
    attacker.send(awarenessMessage([{ clientId: ivy.doc.clientID, clock: ivyClock + 20, state: null }]));
    // Its own cursor comes after on the same connection: once it shows, the spoofs were handled.
    attacker.send(awarenessMessage([{ clientId: OWN_ID, clock: 1, state: { user: { name: 'mine' } } }]));
    await expect.poll(() => stateOf(OWN_ID)).toBeDefined();
    expect(stateOf(ivy.doc.clientID)?.user?.name).toBe('Ivy');
    expect(await foreignDropped()).toBe(2);
  });

  it('shows the name the server knows next to a cursor, not the name the client claims', async () => {
    const attacker = await attackerOn('candidate');
    attacker.send(awarenessMessage([{ clientId: OWN_ID, clock: 1, state: { user: { name: 'The interviewer', color: 'red' }, cursor: { x: 2 } } }]));
    await expect.poll(() => stateOf(OWN_ID)).toMatchObject({ user: { name: 'Cy', color: 'red' }, cursor: { x: 2 } });
  });

  it('follows a rename: the next cursor update shows the new name', async () => {
    const attacker = await attackerOn('candidate');
    expect((await request(joined.get('candidate')!, ClientEvent.rename, { name: 'Cyril' })).ok).toBe(true);
    let clock = 0;
    await expect
      .poll(() => {
        clock += 1;
        attacker.send(awarenessMessage([{ clientId: OWN_ID, clock, state: { user: { name: 'whatever' } } }]));
        return stateOf(OWN_ID)?.user?.name;
      })
      .toBe('Cyril');
  });

  it('lets a connection speak for one client id only', async () => {
    const attacker = await attackerOn('candidate');
    attacker.send(awarenessMessage([{ clientId: OWN_ID, clock: 1, state: { user: { name: 'one' } } }]));
    attacker.send(awarenessMessage([{ clientId: OWN_ID + 1, clock: 1, state: { user: { name: 'two' } } }]));
    attacker.send(awarenessMessage([{ clientId: OWN_ID, clock: 2, state: { user: { name: 'one' }, done: true } }]));
    await expect.poll(() => stateOf(OWN_ID)?.done).toBe(true);
    expect(stateOf(OWN_ID + 1)).toBeUndefined();
  });
});
