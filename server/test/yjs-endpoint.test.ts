import { CloseCode, DocKeys } from '@quorum/shared';
import * as decoding from 'lib0/decoding';
import * as encoding from 'lib0/encoding';
import { afterEach, beforeEach, describe, expect, it } from 'vitest';
import * as syncProtocol from 'y-protocols/sync';
import { WebSocket } from 'ws';
import { createRoom } from '../../tests/support/client.js';
import type { CreatedRoom } from '../../tests/support/client.js';
import { startTestServer } from '../../tests/support/server.js';
import type { TestServer } from '../../tests/support/server.js';
import { closeCode, openDoc, rawSocket, upgradeOutcome, whenSynced } from '../../tests/support/yjs.js';
import type { ProvidedDoc } from '../../tests/support/yjs.js';

describe('Yjs endpoint', () => {
  let server: TestServer;
  let room: CreatedRoom;
  const open: ProvidedDoc[] = [];
  const sockets: WebSocket[] = [];
  const doc = (name: string, token: string) => {
    const provided = openDoc(server.url, room.roomId, name, token);
    open.push(provided);
    return provided;
  };
  const raw = async (path: string) => {
    const result = await rawSocket(server.url, path);
    if ('ws' in result) sockets.push(result.ws);
    return result;
  };

  beforeEach(async () => {
    server = await startTestServer();
    room = await createRoom(server.url);
  });
  afterEach(async () => {
    for (const provided of open.splice(0)) provided.destroy();
    for (const ws of sockets.splice(0)) ws.terminate();
    await server.close();
  });

  it('lets the stock WebsocketProvider connect and converge both ways', async () => {
    const a = doc('code', room.tokens.interviewer);
    const b = doc('code', room.tokens.candidate);
    await Promise.all([whenSynced(a), whenSynced(b)]);
    a.doc.getText(DocKeys.codeText).insert(0, 'function elect() {}');
    b.doc.getMap(DocKeys.codeMeta).set(DocKeys.codeLanguage, 'go');
    await expect.poll(() => b.doc.getText(DocKeys.codeText).toString()).toBe('function elect() {}');
    await expect.poll(() => a.doc.getMap(DocKeys.codeMeta).get(DocKeys.codeLanguage)).toBe('go');
  });

  it('hands a late joiner the whole document', async () => {
    const a = doc('board', room.tokens.interviewer);
    await whenSynced(a);
    a.doc.getMap(DocKeys.boardElements).set('rect-1', { id: 'rect-1', type: 'rectangle', version: 1 });
    const late = doc('board', room.tokens.candidate);
    await expect.poll(() => late.doc.getMap(DocKeys.boardElements).get('rect-1')).toMatchObject({ type: 'rectangle' });
  });

  it('hands each newcomer the document as it is when they join, changes since the last newcomer included', async () => {
    const a = doc('code', room.tokens.interviewer);
    await whenSynced(a);
    a.doc.getText(DocKeys.codeText).insert(0, 'leader');
    const first = doc('code', room.tokens.candidate);
    await expect.poll(() => first.doc.getText(DocKeys.codeText).toString()).toBe('leader');
    a.doc.getText(DocKeys.codeText).insert(6, ' lease');
    await expect.poll(() => first.doc.getText(DocKeys.codeText).toString()).toBe('leader lease');
    const second = doc('code', room.tokens.observer);
    await expect.poll(() => second.doc.getText(DocKeys.codeText).toString()).toBe('leader lease');
  });

  it("relays a cursor to the others but not back to the client that moved it", async () => {
    const mover = doc('code', room.tokens.candidate);
    const watcher = doc('code', room.tokens.interviewer);
    await Promise.all([whenSynced(mover), whenSynced(watcher)]);
    const echoed: number[] = [];
    let roundTrips = 0;
    mover.provider.ws!.addEventListener('message', (event: MessageEvent) => {
      const decoder = decoding.createDecoder(new Uint8Array(event.data as ArrayBuffer));
      const type = decoding.readVarUint(decoder);
      if (type === 0 && decoding.readVarUint(decoder) === syncProtocol.messageYjsSyncStep2) roundTrips += 1;
      if (type !== 1) return;
      const update = decoding.createDecoder(decoding.readVarUint8Array(decoder));
      for (let n = decoding.readVarUint(update); n > 0; n -= 1) {
        const clientId = decoding.readVarUint(update);
        decoding.readVarUint(update);
        decoding.readVarString(update);
        if (clientId === mover.doc.clientID) echoed.push(clientId);
      }
    });
    mover.provider.awareness.setLocalStateField('cursor', { anchor: 7 });
    await expect.poll(() => watcher.provider.awareness.getStates().get(mover.doc.clientID)?.cursor).toEqual({ anchor: 7 });
    // The server answers in order: once this reply is in, an echo sent before it would be too.
    const encoder = encoding.createEncoder();
    encoding.writeVarUint(encoder, 0);
    syncProtocol.writeSyncStep1(encoder, mover.doc);
    mover.provider.ws!.send(encoding.toUint8Array(encoder));
    await expect.poll(() => roundTrips).toBe(1);
    expect(echoed).toEqual([]);
  });

  it('closes a connection that stops answering pings and keeps one that answers', async () => {
    const quick = await startTestServer({ heartbeatMs: 100 });
    try {
      const quickRoom = await createRoom(quick.url);
      const path = `/yjs/${quickRoom.roomId}/code?token=${quickRoom.tokens.interviewer}`;
      const url = `${quick.url.replace(/^http/, 'ws')}${path}`;
      const silent = new WebSocket(url, { autoPong: false });
      const answering = new WebSocket(url);
      sockets.push(silent, answering);
      await Promise.all([silent, answering].map((ws) => new Promise((resolve) => ws.once('open', resolve))));
      const pingsAnswered = new Promise<void>((resolve) => {
        let pings = 0;
        answering.on('ping', () => (pings += 1) === 4 && resolve());
      });
      expect(await closeCode(silent)).toBe(1006);
      await pingsAnswered;
      expect(answering.readyState).toBe(WebSocket.OPEN);
    } finally {
      await quick.close();
    }
  });

  it('closes a candidate that opens the private notes with 4403', async () => {
    expect(await upgradeOutcome(server.url, `/yjs/${room.roomId}/notes?token=${room.tokens.candidate}`)).toBe(CloseCode.Forbidden);
  });

  it('lets the interviewer open the private notes', async () => {
    expect('ws' in (await raw(`/yjs/${room.roomId}/notes?token=${room.tokens.interviewer}`))).toBe(true);
  });

  it('refuses a missing token with HTTP 401, and closes a foreign token with 4401 and an unknown room with 4404', async () => {
    const other = await createRoom(server.url);
    expect(await upgradeOutcome(server.url, `/yjs/${room.roomId}/code`)).toBe(401);
    expect(await upgradeOutcome(server.url, `/yjs/${room.roomId}/code?token=${other.tokens.interviewer}`)).toBe(CloseCode.Unauthorized);
    expect(await upgradeOutcome(server.url, `/yjs/AAAAAAAAAAAAAAAA/code?token=${room.tokens.interviewer}`)).toBe(CloseCode.RoomNotFound);
  });

  it('refuses an unknown document name with 404', async () => {
    expect(await raw(`/yjs/${room.roomId}/secrets?token=${room.tokens.interviewer}`)).toEqual({ status: 404 });
  });

  it('drops document edits from an observer, who still reads along', async () => {
    const writer = doc('code', room.tokens.interviewer);
    const observer = doc('code', room.tokens.observer);
    await Promise.all([whenSynced(writer), whenSynced(observer)]);
    observer.doc.getText(DocKeys.codeText).insert(0, 'observer scribble ');
    writer.doc.getText(DocKeys.codeText).insert(0, 'interviewer text');
    await expect.poll(() => observer.doc.getText(DocKeys.codeText).toString()).toContain('interviewer text');
    const fresh = doc('code', room.tokens.candidate);
    await whenSynced(fresh);
    expect(fresh.doc.getText(DocKeys.codeText).toString()).toBe('interviewer text');
  });

  it('closes a connection that sends garbage bytes, leaving the document and other rooms intact', async () => {
    const other = await createRoom(server.url);
    const bystander = openDoc(server.url, other.roomId, 'code', other.tokens.interviewer);
    open.push(bystander);
    const writer = doc('code', room.tokens.interviewer);
    await Promise.all([whenSynced(writer), whenSynced(bystander)]);
    writer.doc.getText(DocKeys.codeText).insert(0, 'kept');

    for (const garbage of [[0, 2, 200, 1, 2, 3], [0, 9], [7, 7, 7], [0, 0, 255, 255, 255, 255, 15]]) {
      const result = await raw(`/yjs/${room.roomId}/code?token=${room.tokens.candidate}`);
      if (!('ws' in result)) throw new Error('refused');
      const closed = closeCode(result.ws);
      result.ws.send(Buffer.from(garbage));
      expect(await closed).toBe(CloseCode.BadMessage);
    }

    const check = doc('code', room.tokens.candidate);
    await whenSynced(check);
    expect(check.doc.getText(DocKeys.codeText).toString()).toBe('kept');
    bystander.doc.getText(DocKeys.codeText).insert(0, 'still fine');
    const otherCheck = openDoc(server.url, other.roomId, 'code', other.tokens.candidate);
    open.push(otherCheck);
    await expect.poll(() => otherCheck.doc.getText(DocKeys.codeText).toString()).toBe('still fine');
  });

  it('closes a connection that sends a text frame', async () => {
    const result = await raw(`/yjs/${room.roomId}/code?token=${room.tokens.candidate}`);
    if (!('ws' in result)) throw new Error('refused');
    const closed = closeCode(result.ws);
    result.ws.send('hello');
    expect(await closed).toBe(CloseCode.BadMessage);
  });
});
