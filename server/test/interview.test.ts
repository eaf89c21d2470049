import { ClientEvent, DocKeys, remainingMs } from '@quorum/shared';
import type { ScorecardDraft } from '@quorum/shared';
import { loadBank } from '@quorum/questions';
import { afterEach, beforeAll, beforeEach, describe, expect, it } from 'vitest';
import { createRoom, joinRecording, newDeviceId, request } from '../../tests/support/client.js';
import type { CreatedRoom, Received } from '../../tests/support/client.js';
import { startTestServer } from '../../tests/support/server.js';
import type { TestServer } from '../../tests/support/server.js';
import { openDoc, whenSynced } from '../../tests/support/yjs.js';

describe('running an interview', () => {
  let server: TestServer;
  let room: CreatedRoom;
  let interviewer: Received;
  let candidate: Received;
  const cleanups: (() => void)[] = [];

  beforeEach(async () => {
    server = await startTestServer();
    room = await createRoom(server.url, { title: 'Staff loop', durationMinutes: 45 });
    interviewer = await joinRecording(server.url, room.roomId, room.tokens.interviewer, 'Ivy');
    candidate = await joinRecording(server.url, room.roomId, room.tokens.candidate, 'Cy');
    cleanups.push(() => interviewer.socket.disconnect(), () => candidate.socket.disconnect());
  });
  afterEach(async () => {
    for (const cleanup of cleanups.splice(0)) cleanup();
    await server.close();
  });

  const ask = async (questionId: string) => {
    const ack = await request(interviewer.socket, ClientEvent.ask, { questionId });
    if (!ack.ok) throw new Error(ack.error.message);
    return ack.data.askedId;
  };

  // The question the tests ask most: its time limit comes from the bank.
  let capMinutes: number;
  beforeAll(async () => {
    capMinutes = (await loadBank()).get('cap-and-pacelc')!.timeLimitMinutes;
  });

  describe('the clock', () => {
    it('starts the question clock and the interview clock when the first question is asked', async () => {
      await ask('cap-and-pacelc');
      await expect.poll(() => candidate.views.at(-1)?.phase).toBe('in-progress');
      const view = candidate.latest();
      expect(view.clock.startedAt).not.toBeNull();
      expect(view.asked[0]?.timer.startedAt).not.toBeNull();
      expect(remainingMs(view.asked[0]!.timer, Date.now())).toBeLessThanOrEqual(capMinutes * 60_000);
    });

    it('pauses the previous question when the next is asked', async () => {
      const first = await ask('cap-and-pacelc');
      await ask('raft-log-safety');
      await expect.poll(() => candidate.views.at(-1)?.asked.length).toBe(2);
      const paused = candidate.latest().asked.find((a) => a.askedId === first);
      expect(paused?.timer.startedAt).toBeNull();
    });

    it('pauses, extends and resets on the interviewer command', async () => {
      const askedId = await ask('cap-and-pacelc');
      const control = (c: Parameters<typeof request<'timer:control'>>[2]['control']) =>
        request(interviewer.socket, ClientEvent.timer, { askedId, control: c });
      expect((await control({ action: 'pause' })).ok).toBe(true);
      expect((await control({ action: 'extend', minutes: 2 })).ok).toBe(true);
      await expect.poll(() => candidate.views.at(-1)?.asked[0]?.timer.durationMs).toBe((capMinutes + 2) * 60_000);
      expect(candidate.latest().asked[0]?.timer.startedAt).toBeNull();
      expect((await control({ action: 'reset' })).ok).toBe(true);
      await expect.poll(() => candidate.views.at(-1)?.asked[0]?.timer).toEqual({ durationMs: capMinutes * 60_000, elapsedMs: 0, startedAt: null });
    });

    it('steers the interview clock with a null question', async () => {
      expect((await request(interviewer.socket, ClientEvent.timer, { askedId: null, control: { action: 'extend', minutes: 15 } })).ok).toBe(true);
      await expect.poll(() => candidate.views.at(-1)?.clock.durationMs).toBe(60 * 60_000);
    });

    it('refuses the candidate control of the clock', async () => {
      const askedId = await ask('cap-and-pacelc');
      expect(await request(candidate.socket, ClientEvent.timer, { askedId, control: { action: 'pause' } })).toMatchObject({
        ok: false,
        error: { code: 'forbidden' },
      });
    });

    it('tells the server time for offset correction', async () => {
      const before = Date.now();
      const ack = await request(candidate.socket, ClientEvent.clockSync, { clientTime: 123 });
      expect(ack.ok && ack.data.clientTime).toBe(123);
      expect(ack.ok && ack.data.serverTime).toBeGreaterThanOrEqual(before);
    });
  });

  describe('stages', () => {
    it('gives a system-design question stages, starting at requirements', async () => {
      await ask('design-rate-limiter');
      await expect.poll(() => candidate.views.at(-1)?.asked[0]?.stage?.index).toBe(0);
    });

    it('moves to a stage the interviewer picks, for both people', async () => {
      const askedId = await ask('design-rate-limiter');
      expect((await request(interviewer.socket, ClientEvent.setStage, { askedId, index: 3 })).ok).toBe(true);
      await expect.poll(() => candidate.views.at(-1)?.asked[0]?.stage?.index).toBe(3);
    });

    it('refuses stages on a concept question', async () => {
      const askedId = await ask('cap-and-pacelc');
      expect(await request(interviewer.socket, ClientEvent.setStage, { askedId, index: 1 })).toMatchObject({ ok: false, error: { code: 'conflict' } });
    });
  });

  describe('phases', () => {
    it('shows the candidate each phase the interviewer moves to', async () => {
      for (const phase of ['in-progress', 'wrap-up', 'ended'] as const) {
        expect((await request(interviewer.socket, ClientEvent.setPhase, { phase })).ok).toBe(true);
        await expect.poll(() => candidate.views.at(-1)?.phase).toBe(phase);
      }
    });

    it('refuses a move backwards out of the end', async () => {
      await request(interviewer.socket, ClientEvent.setPhase, { phase: 'ended' });
      expect(await request(interviewer.socket, ClientEvent.setPhase, { phase: 'in-progress' })).toMatchObject({
        ok: false,
        error: { code: 'conflict' },
      });
    });

    it('refuses new questions once the interview ended', async () => {
      await request(interviewer.socket, ClientEvent.setPhase, { phase: 'ended' });
      expect(await request(interviewer.socket, ClientEvent.ask, { questionId: 'cap-and-pacelc' })).toMatchObject({
        ok: false,
        error: { code: 'conflict' },
      });
    });

    it('makes the shared documents read-only for the candidate at the end, even on an open connection', async () => {
      const candidateCode = openDoc(server.url, room.roomId, 'code', room.tokens.candidate);
      const interviewerCode = openDoc(server.url, room.roomId, 'code', room.tokens.interviewer);
      cleanups.push(() => candidateCode.destroy(), () => interviewerCode.destroy());
      await Promise.all([whenSynced(candidateCode), whenSynced(interviewerCode)]);
      candidateCode.doc.getText(DocKeys.codeText).insert(0, 'before ');
      await expect.poll(() => interviewerCode.doc.getText(DocKeys.codeText).toString()).toBe('before ');

      await request(interviewer.socket, ClientEvent.setPhase, { phase: 'ended' });
      await expect.poll(() => candidate.views.at(-1)?.phase).toBe('ended');
      candidateCode.doc.getText(DocKeys.codeText).insert(7, 'after');
      interviewerCode.doc.getText(DocKeys.codeText).insert(0, '// final\n');
      await expect.poll(() => candidateCode.doc.getText(DocKeys.codeText).toString()).toContain('// final');
      const fresh = openDoc(server.url, room.roomId, 'code', room.tokens.interviewer);
      cleanups.push(() => fresh.destroy());
      await whenSynced(fresh);
      expect(fresh.doc.getText(DocKeys.codeText).toString()).toBe('// final\nbefore ');
    });
  });

  describe('the scorecard', () => {
    const draftFor = (askedId: string, comment = 'Strong on quorums'): ScorecardDraft => ({
      questions: {
        [askedId]: {
          criteria: {
            'cap-statement': { score: 4, comment, skipped: null },
            pacelc: { score: 2, comment: '', skipped: null },
            'real-systems': { score: 3, comment: '', skipped: null },
          },
          comment: 'Good',
        },
      },
      recommendation: 'yes',
      passThreshold: 70,
      strengths: 'Precise definitions',
      improvements: 'Name real systems',
    });

    it('autosaves a draft and shows it to the interviewer and observers only', async () => {
      const observer = await joinRecording(server.url, room.roomId, room.tokens.observer, 'Obi');
      cleanups.push(() => observer.socket.disconnect());
      const askedId = await ask('cap-and-pacelc');
      const ack = await request(interviewer.socket, ClientEvent.saveScorecard, { draft: draftFor(askedId) });
      expect(ack.ok).toBe(true);
      await expect.poll(() => observer.scorecards.at(-1)?.strengths).toBe('Precise definitions');
      expect(interviewer.scorecards.at(-1)?.questions[askedId]?.criteria['cap-statement']?.score).toBe(4);
      expect(candidate.scorecards).toEqual([]);
      expect(candidate.feedback).toEqual([]);
    });

    it('refuses to score a question that was not asked, or a criterion the rubric lacks', async () => {
      const askedId = await ask('cap-and-pacelc');
      const stranger = await request(interviewer.socket, ClientEvent.saveScorecard, { draft: draftFor('q9-nope') });
      expect(stranger).toMatchObject({ ok: false, error: { code: 'bad_request' } });
      const bogus = await request(interviewer.socket, ClientEvent.saveScorecard, {
        draft: { questions: { [askedId]: { criteria: { charisma: { score: 4, comment: '' } }, comment: '' } } },
      });
      expect(bogus).toMatchObject({ ok: false, error: { code: 'bad_request' } });
    });

    it('refuses a score outside 1–4', async () => {
      const askedId = await ask('cap-and-pacelc');
      const ack = await request(interviewer.socket, ClientEvent.saveScorecard, {
        draft: { questions: { [askedId]: { criteria: { pacelc: { score: 5, comment: '' } }, comment: '' } } },
      });
      expect(ack).toMatchObject({ ok: false, error: { code: 'bad_request' } });
    });

    it('refuses the observer and the candidate the right to score', async () => {
      const observer = await joinRecording(server.url, room.roomId, room.tokens.observer, 'Obi');
      cleanups.push(() => observer.socket.disconnect());
      for (const who of [observer, candidate]) {
        expect(await request(who.socket, ClientEvent.saveScorecard, { draft: {} })).toMatchObject({ ok: false, error: { code: 'forbidden' } });
      }
    });

    it('locks the scorecard on submit', async () => {
      const askedId = await ask('cap-and-pacelc');
      await request(interviewer.socket, ClientEvent.saveScorecard, { draft: draftFor(askedId) });
      expect((await request(interviewer.socket, ClientEvent.submitScorecard, {})).ok).toBe(true);
      expect(await request(interviewer.socket, ClientEvent.saveScorecard, { draft: draftFor(askedId, 'changed') })).toMatchObject({
        ok: false,
        error: { code: 'conflict' },
      });
    });

    it('keeps an edit history with the submit in it', async () => {
      const askedId = await ask('cap-and-pacelc');
      await request(interviewer.socket, ClientEvent.saveScorecard, { draft: draftFor(askedId) });
      await request(interviewer.socket, ClientEvent.submitScorecard, {});
      const response = await fetch(`${server.url}/api/rooms/${room.roomId}/scorecard`, { headers: { authorization: `Bearer ${room.tokens.interviewer}` } });
      const body = (await response.json()) as { history: { action: string; by: string }[] };
      expect(body.history.map((r) => `${r.action}:${r.by}`)).toEqual(['save:Ivy', 'submit:Ivy']);
    });

    it('refuses to release feedback before the scorecard is submitted', async () => {
      const parts = { scores: true, comments: true, summary: true, recommendation: true };
      expect(await request(interviewer.socket, ClientEvent.releaseFeedback, { parts })).toMatchObject({ ok: false, error: { code: 'conflict' } });
    });

    it('sends the candidate nothing of the scorecard before release, and the chosen parts after', async () => {
      const wire: string[] = [];
      candidate.socket.io.engine.on('packet', (packet: { data?: unknown }) => wire.push(String(packet.data ?? '')));
      const askedId = await ask('cap-and-pacelc');
      await request(interviewer.socket, ClientEvent.saveScorecard, { draft: draftFor(askedId, 'SECRET-COMMENT') });
      await request(interviewer.socket, ClientEvent.submitScorecard, {});
      await request(interviewer.socket, ClientEvent.ask, { questionId: 'raft-log-safety' }).catch(() => undefined);
      await expect.poll(() => wire.length).toBeGreaterThan(0);
      for (const secret of ['SECRET-COMMENT', 'Precise definitions', 'Name real systems', '"recommendation"', '"passThreshold"']) {
        expect(wire.join('\n')).not.toContain(secret);
      }
      const before = await fetch(`${server.url}/api/rooms/${room.roomId}/feedback`, { headers: { authorization: `Bearer ${room.tokens.candidate}` } });
      expect(before.status).toBe(404);

      const parts = { scores: true, comments: false, summary: true, recommendation: false };
      expect((await request(interviewer.socket, ClientEvent.releaseFeedback, { parts })).ok).toBe(true);
      await expect.poll(() => candidate.feedback.length).toBe(1);
      const [report] = candidate.feedback;
      // cap-statement 4 (weight 40), pacelc 2 (35), real-systems 3 (25): 40 + 11.7 + 16.7
      expect(report?.overall).toBe(68.3);
      expect(report?.strengths).toBe('Precise definitions');
      expect(JSON.stringify(report)).not.toContain('SECRET-COMMENT');
      expect(report).not.toHaveProperty('recommendation');
    });

    it('exports the scorecard as Markdown with the scores', async () => {
      const askedId = await ask('cap-and-pacelc');
      await request(interviewer.socket, ClientEvent.saveScorecard, { draft: draftFor(askedId) });
      const response = await fetch(`${server.url}/api/rooms/${room.roomId}/scorecard?format=md`, {
        headers: { authorization: `Bearer ${room.tokens.interviewer}` },
      });
      expect(response.headers.get('content-type')).toMatch(/text\/markdown/);
      expect(response.headers.get('content-disposition')).toMatch(/attachment; filename="?quorum-staff-loop-.*\.md"?/);
      const md = await response.text();
      expect(md).toContain('Overall score: 68.3 / 100');
      expect(md).toContain('4/4 (excellent)');
    });

    it('refuses the candidate the scorecard export', async () => {
      const response = await fetch(`${server.url}/api/rooms/${room.roomId}/scorecard`, { headers: { authorization: `Bearer ${room.tokens.candidate}` } });
      expect(response.status).toBe(403);
    });
  });

  describe('history', () => {
    it('lists past interviews for a device, with the candidate score once released', async () => {
      const deviceId = newDeviceId();
      candidate.socket.disconnect();
      await expect.poll(() => interviewer.presence.at(-1)?.find((p) => p.role === 'candidate')?.online).toBe(false);
      const me = await joinRecording(server.url, room.roomId, room.tokens.candidate, 'Cy', deviceId);
      cleanups.push(() => me.socket.disconnect());
      const askedId = await ask('cap-and-pacelc');
      await request(interviewer.socket, ClientEvent.saveScorecard, {
        draft: {
          questions: {
            [askedId]: {
              criteria: { 'cap-statement': { score: 4, comment: '' }, pacelc: { score: 4, comment: '' }, 'real-systems': { score: 4, comment: '' } },
              comment: '',
            },
          },
        },
      });
      const history = async () =>
        ((await (await fetch(`${server.url}/api/history`, { headers: { 'x-quorum-device': deviceId } })).json()) as {
          entries: { title: string; role: string; overall: number | null; topics: Record<string, number> }[];
        }).entries;
      expect(await history()).toMatchObject([{ title: 'Staff loop', role: 'candidate', overall: null }]);
      await request(interviewer.socket, ClientEvent.submitScorecard, {});
      await request(interviewer.socket, ClientEvent.releaseFeedback, { parts: { scores: true, comments: false, summary: false, recommendation: false } });
      const [entry] = await history();
      expect(entry?.overall).toBe(100);
      expect(entry?.topics).toEqual({ consistency: 100, replication: 100 });
    });

    it('refuses a history request without a device id', async () => {
      expect((await fetch(`${server.url}/api/history`)).status).toBe(401);
    });
  });
});
