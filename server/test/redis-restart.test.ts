import { loadBank } from '@quorum/questions';
import { randomUUID } from 'node:crypto';
import { ClientEvent, DocKeys, ServerEvent } from '@quorum/shared';
import type { RoomView } from '@quorum/shared';
import { afterEach, beforeEach, describe, expect, it } from 'vitest';
import { askedTitles, connect, createRoom, joinAs, joinRecording, request } from '../../tests/support/client.js';
import { dropPrefix, REDIS_URL, startTestServer, testPrefix } from '../../tests/support/server.js';
import type { TestServer } from '../../tests/support/server.js';
import { openDoc, whenSynced } from '../../tests/support/yjs.js';

describe('a room on Redis survives a server restart', () => {
  let prefix: string;
  let server: TestServer | undefined;
  const start = async () => (server = await startTestServer({ redisUrl: REDIS_URL, redisPrefix: prefix }));

  beforeEach(() => {
    prefix = testPrefix();
  });
  afterEach(async () => {
    await server?.close();
    await dropPrefix(prefix);
  });

  it('keeps the links, the asked questions and every document edit', async () => {
    const first = await start();
    const room = await createRoom(first.url, { title: 'Durable' });
    const interviewer = await joinAs(first.url, room.roomId, room.tokens.interviewer);
    expect((await request(interviewer, ClientEvent.ask, { questionId: 'cap-and-pacelc' })).ok).toBe(true);
    interviewer.disconnect();
    const code = openDoc(first.url, room.roomId, 'code', room.tokens.candidate);
    const board = openDoc(first.url, room.roomId, 'board', room.tokens.interviewer);
    await Promise.all([whenSynced(code), whenSynced(board)]);
    for (let i = 0; i < 20; i += 1) code.doc.getText(DocKeys.codeText).insert(i, String.fromCharCode(97 + i));
    board.doc.getMap(DocKeys.boardElements).set('e1', { id: 'e1', type: 'ellipse', version: 3 });
    // The server relays an update only after the store has it, so the other side seeing it proves durability.
    const watcher = openDoc(first.url, room.roomId, 'code', room.tokens.interviewer);
    await expect.poll(() => watcher.doc.getText(DocKeys.codeText).length).toBe(20);
    code.destroy();
    board.destroy();
    watcher.destroy();
    await first.close();

    const second = await start();
    const rejoined = await connect(second.url);
    const view = new Promise<RoomView>((resolve) => rejoined.once(ServerEvent.state, resolve));
    await request(rejoined, ClientEvent.join, { roomId: room.roomId, token: room.tokens.candidate, name: 'Cy', deviceId: randomUUID() });
    expect(askedTitles(await view)).toEqual([(await loadBank()).get('cap-and-pacelc')!.title]);
    rejoined.disconnect();
    const codeAgain = openDoc(second.url, room.roomId, 'code', room.tokens.candidate);
    const boardAgain = openDoc(second.url, room.roomId, 'board', room.tokens.candidate);
    await Promise.all([whenSynced(codeAgain), whenSynced(boardAgain)]);
    expect(codeAgain.doc.getText(DocKeys.codeText).toString()).toBe('abcdefghijklmnopqrst');
    expect(boardAgain.doc.getMap(DocKeys.boardElements).get('e1')).toMatchObject({ type: 'ellipse' });
    codeAgain.destroy();
    boardAgain.destroy();
  });

  it('keeps a running clock and the scorecard draft through a restart mid-interview', async () => {
    const first = await start();
    const room = await createRoom(first.url);
    const interviewer = await joinAs(first.url, room.roomId, room.tokens.interviewer);
    const asked = await request(interviewer, ClientEvent.ask, { questionId: 'cap-and-pacelc' });
    if (!asked.ok) throw new Error(asked.error.message);
    const draft = { questions: { [asked.data.askedId]: { criteria: { pacelc: { score: 3, comment: 'clear' } }, comment: '' } }, strengths: 'calm' };
    expect((await request(interviewer, ClientEvent.saveScorecard, { draft })).ok).toBe(true);
    interviewer.disconnect();
    await first.close();

    const second = await start();
    const again = await joinRecording(second.url, room.roomId, room.tokens.interviewer);
    again.socket.disconnect();
    expect(again.latest().asked[0]?.timer.startedAt).not.toBeNull();
    expect(again.latest().phase).toBe('in-progress');
    expect(again.scorecards.at(-1)?.strengths).toBe('calm');
    expect(again.scorecards.at(-1)?.questions[asked.data.askedId]?.criteria.pacelc?.score).toBe(3);
  });
});
