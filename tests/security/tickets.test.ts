import { ClientEvent, DocTicketResponse } from '@quorum/shared';
import { describe, expect, it } from 'vitest';
import { createRoom, joinAs, newDeviceId, request, tokenOf } from '../support/client.js';
import { useRoomServer } from '../support/room-server.js';
import { rawSocket, upgradeOutcome } from '../support/yjs.js';

describe('document tickets', () => {
  const ctx = useRoomServer();


  const buy = async (token: string, doc: string, roomId = ctx.room.roomId, headers: Record<string, string> = {}) => {
    const response = await fetch(`${ctx.server.url}/api/rooms/${roomId}/tickets`, {
      method: 'POST',
      headers: { authorization: `Bearer ${token}`, 'content-type': 'application/json', ...headers },
      body: JSON.stringify({ doc }),
    });
    return { status: response.status, body: (await response.json()) as unknown };
  };
  const ticketFor = async (token: string, doc: string, headers: Record<string, string> = {}) => {
    const bought = await buy(token, doc, ctx.room.roomId, headers);
    expect(bought.status).toBe(201);
    return DocTicketResponse.parse(bought.body).ticket;
  };
  const open = (path: string) => upgradeOutcome(ctx.server.url, path);

  it('is bought with the token in a header and opens its document once', async () => {
    const ticket = await ticketFor(ctx.room.tokens.candidate, 'code');
    expect(await open(`/yjs/${ctx.room.roomId}/code?ticket=${ticket}`)).toBe('open');
    expect(await open(`/yjs/${ctx.room.roomId}/code?ticket=${ticket}`)).toBe(401);
  });

  it('opens only the room and document it was bought for', async () => {
    const other = await createRoom(ctx.server.url);
    expect(await open(`/yjs/${ctx.room.roomId}/board?ticket=${await ticketFor(ctx.room.tokens.candidate, 'code')}`)).toBe(401);
    expect(await open(`/yjs/${other.roomId}/code?ticket=${await ticketFor(ctx.room.tokens.interviewer, 'code')}`)).toBe(401);
  });

  it('is refused for a document the role may not open', async () => {
    expect(await buy(ctx.room.tokens.candidate, 'notes')).toMatchObject({ status: 403, body: { error: { code: 'forbidden' } } });
  });

  it('stops working once the link it was bought with is reissued', async () => {
    const ticket = await ticketFor(ctx.room.tokens.candidate, 'code');
    const interviewer = await joinAs(ctx.server.url, ctx.room.roomId, ctx.room.tokens.interviewer, 'Ivy');
    ctx.defer(() => interviewer.disconnect());
    const reissued = await request(interviewer, ClientEvent.reissueLink, { role: 'candidate' });
    if (!reissued.ok) throw new Error(reissued.error.message);
    expect(await open(`/yjs/${ctx.room.roomId}/code?ticket=${ticket}`)).toBe(401);
    expect(await open(`/yjs/${ctx.room.roomId}/code?ticket=${await ticketFor(tokenOf(reissued.data.url), 'code')}`)).toBe('open');
  });

  it('is refused without a valid token', async () => {
    expect((await buy('x'.repeat(43), 'code')).status).toBe(401);
    const response = await fetch(`${ctx.server.url}/api/rooms/${ctx.room.roomId}/tickets`, { method: 'POST', body: '{"doc":"code"}', headers: { 'content-type': 'application/json' } });
    expect(response.status).toBe(401);
  });

  it('answers a malformed request with the faulty field', async () => {
    expect(await buy(ctx.room.tokens.interviewer, 'everything')).toMatchObject({ status: 400, body: { error: { code: 'bad_request' } } });
  });

  it('leaves ?token= working for stock clients and scripts', async () => {
    expect(await open(`/yjs/${ctx.room.roomId}/code?token=${ctx.room.tokens.candidate}`)).toBe('open');
  });

  it('carries the person named by the device header, whose room name shows next to their cursor', async () => {
    const deviceId = newDeviceId();
    const observer = await joinAs(ctx.server.url, ctx.room.roomId, ctx.room.tokens.observer, 'Olga', deviceId);
    ctx.defer(() => observer.disconnect());
    const ticket = await ticketFor(ctx.room.tokens.observer, 'board', { 'x-quorum-device': deviceId });
    const result = await rawSocket(ctx.server.url, `/yjs/${ctx.room.roomId}/board?ticket=${ticket}`);
    if (!('ws' in result)) throw new Error(`refused with ${result.status}`);
    ctx.defer(() => result.ws.terminate());
    const watcher = await rawSocket(ctx.server.url, `/yjs/${ctx.room.roomId}/board?token=${ctx.room.tokens.interviewer}`);
    if (!('ws' in watcher)) throw new Error('refused');
    ctx.defer(() => watcher.ws.terminate());
    const frames: string[] = [];
    watcher.ws.on('message', (data: Buffer) => frames.push(data.toString('utf8')));
    result.ws.send(awarenessOf(99, { user: { name: 'Someone else' } }));
    await expect.poll(() => frames.some((f) => f.includes('"name":"Olga"'))).toBe(true);
    expect(frames.some((f) => f.includes('Someone else'))).toBe(false);
  });
});

/** A y-websocket awareness message for one client id (ids below 128 and short states fit one byte each). */
function awarenessOf(clientId: number, state: unknown): Buffer {
  const json = Buffer.from(JSON.stringify(state));
  if (json.length > 120) throw new Error('state too long for this helper');
  const update = Buffer.concat([Buffer.from([1, clientId, 1, json.length]), json]);
  return Buffer.concat([Buffer.from([1, update.length]), update]);
}
