import { ClientEvent, DocKeys, ServerEvent } from '@quorum/shared';
import type { QueueStatus } from '@quorum/shared';
import { afterEach, beforeEach, describe, expect, it } from 'vitest';
import { joinRecording, request, tokenOf } from '../../tests/support/client.js';
import type { Received } from '../../tests/support/client.js';
import { queueUp } from '../../tests/support/queue.js';
import { startTestServer } from '../../tests/support/server.js';
import { openDoc, whenSynced } from '../../tests/support/yjs.js';
import type { TestServer } from '../../tests/support/server.js';

describe('peer matchmaking', () => {
  let server: TestServer;
  const cleanups: (() => void)[] = [];
  const queue = async (prefs: Parameters<typeof queueUp>[1] = {}) => {
    const queued = await queueUp(server.url, prefs);
    cleanups.push(() => queued.socket.disconnect());
    return queued;
  };
  const enter = async (url: string, name: string, deviceId?: string) => {
    const received = await joinRecording(server.url, new URL(url).pathname.split('/')[2]!, tokenOf(url), name, deviceId);
    cleanups.push(() => received.socket.disconnect());
    return received;
  };

  beforeEach(async () => {
    server = await startTestServer({ matchConfirmSeconds: 1 });
  });
  afterEach(async () => {
    for (const cleanup of cleanups.splice(0)) cleanup();
    await server.close();
  });

  it('pairs two compatible people into one room, each with their own link', async () => {
    const ada = await queue({ name: 'Ada' });
    const bo = await queue({ name: 'Bo' });
    await expect.poll(() => ada.matches.length + bo.matches.length).toBe(2);
    const [a] = ada.matches;
    const [b] = bo.matches;
    expect(a?.roomId).toBe(b?.roomId);
    expect(a?.url).not.toBe(b?.url);
    expect(a?.partnerName).toBe('Bo');
    expect([a?.interviewsFirst, b?.interviewsFirst].sort()).toEqual([false, true]);
  });

  it('serves compatible groups first come, first served', async () => {
    const designMid1 = await queue({ track: 'system-design', level: 'mid' });
    const codingStaff1 = await queue({ track: 'coding', level: 'staff' });
    const designJunior = await queue({ track: 'system-design', level: 'junior' });
    const designStaff = await queue({ track: 'system-design', level: 'staff' });
    const codingStaff2 = await queue({ track: 'coding', level: 'staff' });
    await expect.poll(() => codingStaff1.matches.length).toBe(1);
    expect(codingStaff2.matches[0]?.roomId).toBe(codingStaff1.matches[0]?.roomId);
    expect(designMid1.matches[0]?.roomId).toBe(designJunior.matches[0]?.roomId);
    expect(designStaff.matches).toEqual([]);
    expect(designStaff.joined.position).toBe(1);
  });

  it('never pairs two who both insist on interviewing', async () => {
    const a = await queue({ role: 'interviewer' });
    const b = await queue({ role: 'interviewer' });
    const c = await queue({ role: 'candidate' });
    await expect.poll(() => a.matches.length).toBe(1);
    expect(c.matches[0]?.roomId).toBe(a.matches[0]?.roomId);
    expect(b.matches).toEqual([]);
  });

  it('tells each waiting person their position, updated as the queue moves', async () => {
    const first = await queue({ role: 'interviewer' });
    const second = await queue({ role: 'interviewer' });
    expect(first.joined.position).toBe(1);
    expect(second.joined.position).toBe(2);
    await queue({ role: 'candidate' });
    await expect.poll(() => second.statuses.at(-1)?.position).toBe(1);
  });

  it('removes a person who leaves or disconnects', async () => {
    const leaver = await queue({ role: 'interviewer' });
    expect((await request(leaver.socket, ClientEvent.leaveQueue, {})).ok).toBe(true);
    const gone = await queue({ role: 'interviewer' });
    gone.socket.disconnect();
    await expect
      .poll(async () => {
        const probe = await queue({ role: 'interviewer' });
        probe.socket.disconnect();
        return probe.joined.position;
      })
      .toBe(1);
    // Matching runs before the join is acknowledged, so a match would already have arrived.
    const partner = await queue({ role: 'candidate' });
    expect(partner.matches).toEqual([]);
    expect(leaver.matches).toEqual([]);
  });

  it('keeps the place of someone whose connection dropped, for them to take back on reconnecting', async () => {
    const ada = await queue({ name: 'Ada', role: 'interviewer' });
    const later = await queue({ name: 'Cy', role: 'interviewer' });
    ada.socket.disconnect();
    await expect.poll(() => later.statuses.at(-1)?.position).toBe(1);
    const back = await queue({ name: 'Ada', role: 'interviewer', deviceId: ada.deviceId, resume: ada.joined.ticketId });
    expect(back.joined.position).toBe(1);
    await expect.poll(() => later.statuses.at(-1)?.position).toBe(2);
  });

  it('hands a place back to its owner even before the server has seen the old connection drop', async () => {
    const ada = await queue({ name: 'Ada', role: 'interviewer' });
    const later = await queue({ name: 'Cy', role: 'interviewer' });
    const back = await queue({ name: 'Ada', role: 'interviewer', deviceId: ada.deviceId, resume: ada.joined.ticketId });
    expect(back.joined.position).toBe(1);
    ada.socket.disconnect();
    const partner = await queue({ name: 'Bo', role: 'candidate' });
    await expect.poll(() => back.matches.length).toBe(1);
    expect(partner.matches[0]?.roomId).toBe(back.matches[0]?.roomId);
    expect(later.matches).toEqual([]);
  });

  it('keeps no place for someone who left the queue on purpose', async () => {
    const ada = await queue({ name: 'Ada', role: 'interviewer' });
    expect((await request(ada.socket, ClientEvent.leaveQueue, {})).ok).toBe(true);
    await expect(queue({ name: 'Ada', role: 'interviewer', deviceId: ada.deviceId, resume: ada.joined.ticketId })).rejects.toThrow(/expired/);
  });

  it('keeps one place per person: joining again replaces the old ticket', async () => {
    const first = await queue({ role: 'interviewer' });
    const again = await queue({ role: 'interviewer', deviceId: first.deviceId });
    expect(again.joined.position).toBe(1);
    const partner = await queue({ role: 'candidate' });
    await expect.poll(() => partner.matches.length).toBe(1);
    expect(first.matches).toEqual([]);
    expect(again.matches).toHaveLength(1);
  });

  it('sends the one who arrived back to the front of the queue when the partner vanishes', async () => {
    const ada = await queue({ name: 'Ada', role: 'interviewer' });
    const bo = await queue({ name: 'Bo', role: 'candidate' });
    await expect.poll(() => ada.matches.length).toBe(1);
    bo.socket.disconnect();
    const waiting = await queue({ name: 'Cy', role: 'interviewer' });
    const room = await enter(ada.matches[0]!.url, 'Ada', ada.deviceId);
    const vanished = await new Promise<QueueStatus>((resolve) => room.socket.once(ServerEvent.partnerVanished, resolve));
    const back = await queue({ name: 'Ada', role: 'interviewer', deviceId: ada.deviceId, resume: vanished.ticketId });
    expect(back.joined.position).toBe(1);
    expect(waiting.statuses.at(-1)?.position ?? waiting.joined.position).toBeGreaterThanOrEqual(1);
    await expect.poll(() => waiting.statuses.at(-1)?.position).toBe(2);
  });

  describe('the two halves', () => {
    async function pairedRoom() {
      const ada = await queue({ name: 'Ada', role: 'interviewer' });
      const bo = await queue({ name: 'Bo', role: 'candidate' });
      await expect.poll(() => ada.matches.length + bo.matches.length).toBe(2);
      const interviewer = await enter(ada.matches[0]!.url, 'Ada', ada.deviceId);
      const candidate = await enter(bo.matches[0]!.url, 'Bo', bo.deviceId);
      return { ada, bo, interviewer, candidate };
    }
    const nextUrl = (received: Received) => new Promise<string>((resolve) => received.socket.once(ServerEvent.swapped, (next) => resolve(next.url)));

    it('gives the interviewer a question set picked for the track and level', async () => {
      const { interviewer, candidate } = await pairedRoom();
      const view = interviewer.latest();
      expect(view.role === 'interviewer' && view.suggested.length).toBe(2);
      expect(candidate.latest()).not.toHaveProperty('suggested');
      expect(candidate.latest().pairing).toMatchObject({ half: 1, names: { interviewer: 'Ada', candidate: 'Bo' } });
      expect(JSON.stringify(candidate.views)).not.toContain('nextSuggested');
    });

    it('waits for both votes before half time', async () => {
      const { interviewer } = await pairedRoom();
      expect(await request(interviewer.socket, ClientEvent.swap, {})).toMatchObject({ ok: true, data: { swapped: false, votes: 1 } });
    });

    it('swaps roles when both agree: each gets a link to the second half with the other role and question set', async () => {
      const { interviewer, candidate } = await pairedRoom();
      const firstSet = interviewer.latest().role === 'interviewer' ? (interviewer.latest() as { suggested: string[] }).suggested : [];
      const adaNext = nextUrl(interviewer);
      const boNext = nextUrl(candidate);
      await request(interviewer.socket, ClientEvent.swap, {});
      expect(await request(candidate.socket, ClientEvent.swap, {})).toMatchObject({ ok: true, data: { swapped: true } });
      const [adaUrl, boUrl] = await Promise.all([adaNext, boNext]);
      expect(new URL(adaUrl).pathname).toBe(new URL(boUrl).pathname);
      await expect.poll(() => candidate.views.at(-1)?.phase).toBe('ended');

      const boNow = await enter(boUrl, 'Bo');
      const adaNow = await enter(adaUrl, 'Ada');
      expect(boNow.latest().role).toBe('interviewer');
      expect(adaNow.latest().role).toBe('candidate');
      const secondSet = (boNow.latest() as { suggested: string[] }).suggested;
      expect(secondSet.length).toBeGreaterThan(0);
      expect(secondSet.filter((id) => firstSet.includes(id))).toEqual([]);
      expect(boNow.latest().pairing).toMatchObject({ half: 2, names: { interviewer: 'Bo', candidate: 'Ada' } });
    });

    it('swaps on one vote once the first half is over', async () => {
      const { interviewer } = await pairedRoom();
      await request(interviewer.socket, ClientEvent.ask, { questionId: 'cap-and-pacelc' });
      await request(interviewer.socket, ClientEvent.timer, { askedId: null, control: { action: 'extend', minutes: -60 } });
      expect(await request(interviewer.socket, ClientEvent.swap, {})).toMatchObject({ ok: true, data: { swapped: true } });
    });

    it('keeps each half its own scorecard: the first-half interviewer can still submit and release after the swap', async () => {
      const { interviewer, candidate } = await pairedRoom();
      const asked = await request(interviewer.socket, ClientEvent.ask, { questionId: 'cap-and-pacelc' });
      if (!asked.ok) throw new Error(asked.error.message);
      await request(interviewer.socket, ClientEvent.swap, {});
      await request(candidate.socket, ClientEvent.swap, {});
      await request(interviewer.socket, ClientEvent.saveScorecard, {
        draft: {
          questions: {
            [asked.data.askedId]: {
              criteria: { 'cap-statement': { score: 4, comment: '' }, pacelc: { score: 4, comment: '' }, 'real-systems': { score: 4, comment: '' } },
              comment: '',
            },
          },
        },
      });
      expect((await request(interviewer.socket, ClientEvent.submitScorecard, {})).ok).toBe(true);
      const parts = { scores: true, comments: true, summary: true, recommendation: true };
      expect((await request(interviewer.socket, ClientEvent.releaseFeedback, { parts })).ok).toBe(true);
      await expect.poll(() => candidate.feedback.at(-1)?.overall).toBe(100);
    });

    it('sends someone rejoining the finished first half on to their second-half link', async () => {
      const { ada, interviewer, candidate } = await pairedRoom();
      const first = nextUrl(interviewer);
      await request(interviewer.socket, ClientEvent.swap, {});
      await request(candidate.socket, ClientEvent.swap, {});
      const url = await first;
      interviewer.socket.disconnect();
      const again = await joinRecording(server.url, ada.matches[0]!.roomId, tokenOf(ada.matches[0]!.url), 'Ada', ada.deviceId);
      cleanups.push(() => again.socket.disconnect());
      await expect.poll(() => again.socket.connected).toBe(true);
      const resent = await new Promise<string>((resolve) => {
        again.socket.once(ServerEvent.swapped, (next) => resolve(next.url));
        void request(again.socket, ClientEvent.join, { roomId: ada.matches[0]!.roomId, token: tokenOf(ada.matches[0]!.url), name: 'Ada', deviceId: ada.deviceId });
      });
      expect(resent).toBe(url);
    });

    it('starts the second half with fresh documents', async () => {
      const { ada, interviewer, candidate } = await pairedRoom();
      const firstHalf = openDoc(server.url, ada.matches[0]!.roomId, 'code', tokenOf(ada.matches[0]!.url));
      cleanups.push(() => firstHalf.destroy());
      await whenSynced(firstHalf);
      firstHalf.doc.getText(DocKeys.codeText).insert(0, 'first half code');
      const adaNext = nextUrl(interviewer);
      await request(interviewer.socket, ClientEvent.swap, {});
      await request(candidate.socket, ClientEvent.swap, {});
      const url = await adaNext;
      const secondHalf = openDoc(server.url, new URL(url).pathname.split('/')[2]!, 'code', tokenOf(url));
      cleanups.push(() => secondHalf.destroy());
      await whenSynced(secondHalf);
      expect(secondHalf.doc.getText(DocKeys.codeText).toString()).toBe('');
    });
  });
});
