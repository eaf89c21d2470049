import { readFile } from 'node:fs/promises';
import { ClientEvent } from '@quorum/shared';
import type { BankListResponse, Question, StaffRoomView } from '@quorum/shared';
import { loadBank } from '@quorum/questions';
import { describe, expect, it } from 'vitest';
import { joinRecording, request, tokenOf } from '../support/client.js';
import {
  askFromBank,
  clockSeconds,
  createRoomInLobby,
  createRoomOverHttp,
  interviewerAndCandidate,
  joinRoom,
  openContext,
  scoreEvery,
  submitAndRelease,
  useServerAndBrowser,
  WAIT,
  waitForPresence,
} from './roomPage.js';

const env = useServerAndBrowser();

async function bankGet<T>(roomId: string, interviewerUrl: string, path: string): Promise<T> {
  const response = await fetch(`${env.server.url}/api/rooms/${roomId}/bank${path}`, {
    headers: { Authorization: `Bearer ${tokenOf(interviewerUrl)}` },
  });
  expect(response.status).toBe(200);
  return (await response.json()) as T;
}

describe('asking a question', () => {
  it('filters by topic, previews the rubric, and shows the candidate the prompt and revealed hints but never the rubric', async () => {
    const room = await createRoomOverHttp(env.server.url);
    const { ivy, cam } = await interviewerAndCandidate(env.browser, env.server.url, room);

    await ivy.getByTestId('panel-tab-bank').click();
    await ivy.getByTestId('bank-filter-topic').selectOption('consensus');
    const tagged = await bankGet<BankListResponse>(room.roomId, room.interviewerUrl, '?topic=consensus');
    const listedIds = () => ivy.getByTestId('bank-item').evaluateAll((items) => items.map((item) => item.getAttribute('data-question-id')));
    await expect.poll(listedIds, WAIT).toEqual(tagged.questions.map((question) => question.id));

    const question = await bankGet<Question>(room.roomId, room.interviewerUrl, '/raft-log-safety');
    expect(question.topics).toContain('consensus');
    await ivy.locator('[data-testid="bank-item"][data-question-id="raft-log-safety"]').click();
    const preview = await ivy.getByTestId('question-details').innerText();
    for (const criterion of question.rubric) {
      expect(preview).toContain(criterion.name);
      expect(preview).toContain(criterion.levels[4]);
    }

    await ivy.getByTestId('ask-button').click();
    await cam.getByTestId('candidate-prompt').waitFor();
    expect(await cam.getByTestId('candidate-question-title').innerText()).toBe(question.title);
    // textContent, not innerText: a rubric hidden by CSS would still be on the candidate's page.
    const candidateText = (await cam.locator('html').textContent()) ?? '';
    const rubricTexts = question.rubric.flatMap((criterion) => [criterion.name, criterion.description, ...Object.values(criterion.levels)]);
    for (const text of rubricTexts) expect(candidateText).not.toContain(text);
    expect(await cam.getByTestId('revealed-hint').count()).toBe(0);

    await ivy.getByTestId('reveal-hint').click();
    await expect.poll(() => cam.getByTestId('revealed-hint').allInnerTexts(), WAIT).toEqual([question.hints[0]]);
  }, 45_000);
});

describe('a whole interview', () => {
  it('goes from the landing page to released feedback with a chart and a Markdown export', async () => {
    const interviewerContext = await openContext(env.browser, env.server.url);
    const room = await createRoomInLobby(interviewerContext.context, env.server.url, { title: 'Consensus loop', track: 'concepts' });
    const ivy = await joinRoom(interviewerContext.context, room.interviewerUrl, 'Ivy Interviewer');
    const candidateContext = await openContext(env.browser, env.server.url);
    const cam = await joinRoom(candidateContext.context, room.candidateUrl, 'Cam Candidate');

    const bank = await loadBank();
    const [first, second] = [bank.get('raft-log-safety')!, bank.get('consensus-raft-vs-paxos')!];
    const criteria = first.rubric.length + second.rubric.length;
    await askFromBank(ivy, first.id);
    await askFromBank(ivy, second.id);
    expect(await ivy.getByTestId('asked-item').count()).toBe(2);
    await expect.poll(() => cam.getByTestId('candidate-question-title').innerText(), WAIT).toContain(second.title);

    // The clock runs, and both people read the same time off it.
    const limit = second.timeLimitMinutes * 60;
    await expect.poll(() => clockSeconds(cam), WAIT).toBeLessThan(limit);
    const [interviewerSeconds, candidateSeconds] = await Promise.all([clockSeconds(ivy), clockSeconds(cam)]);
    expect(Math.abs(interviewerSeconds - candidateSeconds)).toBeLessThanOrEqual(1);

    await scoreEvery(ivy, 4);
    expect(await ivy.getByTestId('criterion').count()).toBe(criteria);
    expect(await ivy.getByTestId('overall-score').innerText()).toContain('100 / 100');
    await submitAndRelease(ivy);

    const feedback = cam.getByTestId('feedback-report');
    await feedback.waitFor();
    expect(await feedback.getByTestId('report-outcome').innerText()).toContain('100 / 100');
    expect(await feedback.getByTestId('chart-question').count()).toBe(2);
    expect(await feedback.getByTestId('score-chart').locator('svg [data-testid="chart-mark"]').count()).toBe(criteria);
    expect(await feedback.getByTestId('report-question').first().innerText()).toContain(first.prompt.trim().split('\n')[0]!.slice(0, 40));

    const [download] = await Promise.all([cam.waitForEvent('download'), feedback.getByTestId('export-md').click()]);
    expect(download.suggestedFilename()).toMatch(/^quorum-consensus-loop-[\w-]+\.md$/);
    const markdown = await readFile(await download.path(), 'utf8');
    expect(markdown).toContain('# Consensus loop');
    expect(markdown).toContain('Overall score: 100 / 100');
    expect(markdown.match(/\| 4\/4 \(excellent\) \|/g)).toHaveLength(criteria);
  }, 60_000);
});

describe('private notes', () => {
  it('stamps a note with the interview time and the question being asked', async () => {
    const room = await createRoomOverHttp(env.server.url);
    const ivy = await joinRoom((await openContext(env.browser, env.server.url)).context, room.interviewerUrl, 'Ivy');
    await askFromBank(ivy, 'raft-log-safety');

    await ivy.getByTestId('panel-tab-notes').click();
    await ivy.getByTestId('notes-content').click();
    await ivy.keyboard.type('Opened with log matching.');
    await ivy.getByTestId('notes-timestamp').click();
    await ivy.keyboard.type('missed the term check');
    const notes = await ivy.getByTestId('notes-content').innerText();
    const title = (await loadBank()).get('raft-log-safety')!.title;
    const opening = title.split(' ').slice(0, 3).join(' ').replace(/[.*+?^${}()|[\]\\]/g, '\\$&');
    expect(notes).toMatch(new RegExp(`^Opened with log matching\\.\\n\\[\\d{2}:\\d{2} · Q1 ${opening}[^\\]]*\\] missed the term check$`));
  }, 30_000);
});

describe('history', () => {
  it('lists a finished interview with its released score on the candidate’s history page', async () => {
    const room = await createRoomOverHttp(env.server.url, 'History check');
    const { context } = await openContext(env.browser, env.server.url);
    await joinRoom(context, room.candidateUrl, 'Cam Candidate');

    // The interviewer's side runs over the socket protocol: only the candidate's pages matter here.
    const interviewer = await joinRecording(env.server.url, room.roomId, tokenOf(room.interviewerUrl), 'Ivy');
    const asked = await request(interviewer.socket, ClientEvent.ask, { questionId: 'raft-log-safety' });
    if (!asked.ok) throw new Error(asked.error.message);
    await expect.poll(() => (interviewer.latest() as StaffRoomView).asked.length, WAIT).toBe(1);
    const { rubric } = (interviewer.latest() as StaffRoomView).asked[0]!.question;
    const criteria = Object.fromEntries(rubric.map((criterion) => [criterion.id, { score: 3, comment: '' }]));
    const draft = { questions: { [asked.data.askedId]: { criteria, comment: '' } } };
    for (const [event, payload] of [
      [ClientEvent.saveScorecard, { draft }],
      [ClientEvent.submitScorecard, {}],
      [ClientEvent.releaseFeedback, { parts: { scores: true, comments: true, summary: true, recommendation: true } }],
      [ClientEvent.setPhase, { phase: 'ended' }],
    ] as const) {
      const result = await request(interviewer.socket, event, payload as never);
      expect(result.ok).toBe(true);
    }
    interviewer.socket.disconnect();

    const page = await context.newPage();
    await page.goto(env.server.url);
    await page.getByTestId('lobby-history-link').click();
    const row = page.locator('[data-testid="history-row"][data-role="candidate"]', { hasText: 'History check' });
    await row.waitFor();
    expect(await row.getByTestId('history-score').innerText()).toBe('66.7 / 100');
    expect(await row.innerText()).toContain('Ended');
    expect(await page.getByTestId('history-role-candidate').getAttribute('aria-pressed')).toBe('true');
    // One interview is no trend: its scores show as bars side by side, not as dots on top of each other.
    expect(await page.getByTestId('topic-bars').locator('[data-topic="consensus"] rect').count()).toBe(1);
    expect(await page.getByTestId('topic-chart').count()).toBe(0);
  }, 30_000);
});

describe('revoking a link', () => {
  it('shows the candidate that their link was revoked, and lets them back in with the new one', async () => {
    const room = await createRoomOverHttp(env.server.url);
    const { ivy, cam } = await interviewerAndCandidate(env.browser, env.server.url, room);
    await waitForPresence(ivy, 'candidate', true);

    await ivy.getByTestId('invite-open').click();
    await ivy.getByTestId('invite-revoke-candidate').click();
    await ivy.getByTestId('invite-revoke-confirm-candidate').click();
    const newLink = await ivy.getByTestId('invite-new-link-candidate').inputValue();
    expect(newLink).not.toBe(room.candidateUrl);

    const revoked = cam.getByTestId('error-page');
    await revoked.waitFor();
    expect(await revoked.getAttribute('data-code')).toBe('link_revoked');
    expect(await revoked.innerText()).toContain('Your link was revoked');
    await waitForPresence(ivy, 'candidate', false);

    // The candidate pastes the new link into the same tab.
    await cam.goto(newLink);
    await cam.getByTestId('role-badge').waitFor();
    await waitForPresence(ivy, 'candidate', true);
    expect(await cam.getByTestId('role-badge').getAttribute('data-role')).toBe('candidate');
  }, 30_000);
});
