import { ClientEvent } from '@quorum/shared';
import { afterEach, describe, expect, it } from 'vitest';
import { connect, createRoom, joinAs, newDeviceId, request, tokenOf } from '../support/client.js';
import { startServerProcess } from '../support/process.js';
import type { ServerProcess } from '../support/process.js';
import { openDoc, rawSocket, whenSynced } from '../support/yjs.js';

describe('logs', () => {
  let server: ServerProcess;
  afterEach(() => server.kill());

  it('never hold a token, a private note or a scorecard comment, even at trace level', async () => {
    server = await startServerProcess({ STORE: 'memory', LOG_LEVEL: 'trace' });
    const room = await createRoom(server.url);
    const secrets = [...Object.values(room.tokens), 'PRIVATE-NOTE-about-the-candidate', 'SCORECARD-COMMENT-secret'];

    const interviewer = await joinAs(server.url, room.roomId, room.tokens.interviewer, 'Ivy');
    const candidate = await joinAs(server.url, room.roomId, room.tokens.candidate, 'Cy');
    await fetch(`${server.url}/api/rooms/${room.roomId}/bank?q=raft`, { headers: { authorization: `Bearer ${room.tokens.interviewer}` } });
    await fetch(`${server.url}/api/rooms/${room.roomId}/bank`, { headers: { authorization: `Bearer ${room.tokens.candidate}` } });
    await fetch(`${server.url}/api/rooms/${room.roomId}/scorecard?format=md&token=${room.tokens.interviewer}`);
    const asked = await request(interviewer, ClientEvent.ask, { questionId: 'cap-and-pacelc' });
    if (!asked.ok) throw new Error(asked.error.message);
    await request(interviewer, ClientEvent.saveScorecard, {
      draft: { questions: { [asked.data.askedId]: { criteria: { pacelc: { score: 3, comment: 'SCORECARD-COMMENT-secret' } }, comment: '' } } },
    });
    const notes = openDoc(server.url, room.roomId, 'notes', room.tokens.interviewer);
    await whenSynced(notes);
    notes.doc.getText('notes').insert(0, 'PRIVATE-NOTE-about-the-candidate');
    const reader = openDoc(server.url, room.roomId, 'notes', room.tokens.observer);
    await expect.poll(() => reader.doc.getText('notes').toString()).toContain('PRIVATE-NOTE');
    await rawSocket(server.url, `/yjs/${room.roomId}/notes?token=${room.tokens.candidate}`);
    const stranger = await connect(server.url);
    await request(stranger, ClientEvent.join, { roomId: room.roomId, token: room.tokens.interviewer.replace(/./, 'x'), name: 'Eve', deviceId: newDeviceId() });
    const reissued = await request(interviewer, ClientEvent.reissueLink, { role: 'candidate' });
    if (reissued.ok) secrets.push(tokenOf(reissued.data.url));
    await request(interviewer, ClientEvent.setPhase, { phase: 'ended' });

    notes.destroy();
    reader.destroy();
    for (const socket of [interviewer, candidate, stranger]) socket.disconnect();
    await expect.poll(() => server.output()).toMatch(/"msg":"request"/);
    await server.kill('SIGTERM');

    const output = server.output();
    expect(output.length).toBeGreaterThan(1000);
    expect(output).toContain(room.roomId);
    for (const secret of secrets) expect(output, 'a secret reached the logs').not.toContain(secret);
  });
});
