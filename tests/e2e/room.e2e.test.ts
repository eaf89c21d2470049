import { describe, expect, it } from 'vitest';
import {
  createRoomInLobby,
  createRoomOverHttp,
  drawRectangle,
  editorText,
  joinRoom,
  openContext,
  shapeCount,
  typeInEditor,
  useServerAndBrowser,
  WAIT,
  waitForConnection,
  waitForPresence,
  waitForPresenceState,
} from './roomPage.js';

const env = useServerAndBrowser();

describe('an interview room in two browsers', () => {
  it('syncs code, drawings and presence, and merges edits made offline', async () => {
    const interviewer = await openContext(env.browser, env.server.url);
    const candidate = await openContext(env.browser, env.server.url);

    // The landing page creates the room and hands out the links.
    const links = await createRoomInLobby(interviewer.context, env.server.url, { title: 'Storage deep dive', track: 'system-design' });
    expect(links.candidateUrl).toMatch(/\/room\/[\w-]+#token=[\w-]{43}$/);

    const ivy = await joinRoom(interviewer.context, links.interviewerUrl, 'Ivy Interviewer');
    const cam = await joinRoom(candidate.context, links.candidateUrl, 'Cam Candidate');
    expect(await ivy.getByTestId('role-badge').getAttribute('data-role')).toBe('interviewer');
    expect(await cam.getByTestId('role-badge').getAttribute('data-role')).toBe('candidate');
    expect(await ivy.getByTestId('room-title').innerText()).toBe('Storage deep dive');

    // Each sees the other in the room.
    await waitForPresence(ivy, 'candidate', true);
    await waitForPresence(cam, 'interviewer', true);
    await waitForConnection(ivy, 'connected');
    await waitForConnection(cam, 'connected');

    // Code typed on one side shows on the other.
    await typeInEditor(ivy, 'const quorum = 3');
    await cam.getByTestId('tab-code').click();
    await expect.poll(() => editorText(cam), WAIT).toContain('const quorum = 3');

    // The language is the room's, not the person's.
    await ivy.getByTestId('language-select').selectOption('python');
    await expect.poll(() => cam.getByTestId('language-select').inputValue(), WAIT).toBe('python');

    // A rectangle drawn on one side shows on the other.
    await drawRectangle(cam, { x: 0, y: 0 });
    await expect.poll(() => shapeCount(cam), WAIT).toBe(1);
    await ivy.getByTestId('tab-board').click();
    await expect.poll(() => shapeCount(ivy), WAIT).toBe(1);

    // The candidate drops off the network; both keep working.
    await candidate.context.setOffline(true);
    await waitForConnection(cam, 'offline');
    await waitForPresence(ivy, 'candidate', false);
    // Cut off, the candidate's page cannot know whether the interviewer is still there.
    await waitForPresenceState(cam, 'interviewer', 'unknown');
    await typeInEditor(cam, '\n// candidate, offline');
    await drawRectangle(cam, { x: 0, y: 160 });
    await typeInEditor(ivy, '\n// interviewer, meanwhile');
    await drawRectangle(ivy, { x: 220, y: 0 });
    await expect.poll(() => shapeCount(cam), WAIT).toBe(2);
    await expect.poll(() => shapeCount(ivy), WAIT).toBe(2);

    // Back online: both converge on everything either of them did.
    await candidate.context.setOffline(false);
    await waitForConnection(cam, 'connected');
    await waitForPresence(ivy, 'candidate', true);
    await waitForPresenceState(cam, 'interviewer', 'online');
    for (const page of [ivy, cam]) {
      await page.getByTestId('tab-code').click();
      await expect.poll(() => editorText(page), WAIT).toContain('// candidate, offline');
      await expect.poll(() => editorText(page), WAIT).toContain('// interviewer, meanwhile');
      await expect.poll(() => editorText(page), WAIT).toContain('const quorum = 3');
      await page.getByTestId('tab-board').click();
      await expect.poll(() => shapeCount(page), WAIT).toBe(3);
    }
    expect(await editorText(ivy)).toBe(await editorText(cam));

    // Document connections carry single-use tickets, never a room token, in their URLs.
    const yjsUrls = [...interviewer.socketUrls, ...candidate.socketUrls].filter((url) => url.includes('/yjs/'));
    expect(yjsUrls.length).toBeGreaterThanOrEqual(4);
    expect(yjsUrls.filter((url) => !/\?ticket=[\w-]{43}$/.test(url))).toEqual([]);
    const tokens = [links.interviewerUrl, links.candidateUrl].map((link) => new URL(link).hash.slice('#token='.length));
    expect([...interviewer.socketUrls, ...candidate.socketUrls].filter((url) => tokens.some((token) => url.includes(token)))).toEqual([]);

    // Nothing was fetched from anywhere but our own server (fonts included), and nothing threw.
    expect([...interviewer.foreignRequests, ...candidate.foreignRequests]).toEqual([]);
    expect([...interviewer.pageErrors, ...candidate.pageErrors]).toEqual([]);
  }, 90_000);

  it('keeps every shape when both draw at the same moment', async () => {
    const room = await createRoomOverHttp(env.server.url);
    const ivy = await joinRoom((await openContext(env.browser, env.server.url)).context, room.interviewerUrl, 'Ivy');
    const cam = await joinRoom((await openContext(env.browser, env.server.url)).context, room.candidateUrl, 'Cam');
    await Promise.all([waitForConnection(ivy, 'connected'), waitForConnection(cam, 'connected')]);
    const drawThree = async (page: typeof ivy, column: number) => {
      for (let row = 0; row < 3; row += 1) await drawRectangle(page, { x: column * 200, y: row * 110 - 150 });
    };
    await Promise.all([drawThree(ivy, 0), drawThree(cam, 1)]);
    await expect.poll(() => shapeCount(ivy), WAIT).toBe(6);
    await expect.poll(() => shapeCount(cam), WAIT).toBe(6);
  }, 45_000);

  it('lets an observer follow along without editing', async () => {
    const room = await createRoomOverHttp(env.server.url);
    const ivy = await joinRoom((await openContext(env.browser, env.server.url)).context, room.interviewerUrl, 'Ivy');
    const olly = await joinRoom((await openContext(env.browser, env.server.url)).context, room.observerUrl, 'Olly');
    expect(await olly.getByTestId('role-badge').getAttribute('data-role')).toBe('observer');
    await typeInEditor(ivy, 'watched closely');
    await olly.getByTestId('tab-code').click();
    await expect.poll(() => editorText(olly), WAIT).toContain('watched closely');
    expect(await olly.getByTestId('editor-content').getAttribute('contenteditable')).toBe('false');
    await waitForPresence(ivy, 'observer', true);

    // Observers read the interviewer's private notes, but cannot steer the interview.
    await ivy.getByTestId('panel-tab-notes').click();
    await ivy.getByTestId('notes-content').click();
    await ivy.keyboard.type('solid on quorums');
    await olly.getByTestId('panel-tab-notes').click();
    await expect.poll(() => olly.getByTestId('notes-content').innerText(), WAIT).toContain('solid on quorums');
    await olly.getByTestId('panel-tab-bank').click();
    await olly.getByTestId('bank-item').first().click();
    await olly.getByTestId('question-details').waitFor();
    expect(await olly.getByTestId('ask-button').count()).toBe(0);
    expect(await olly.getByTestId('panel-tab-custom').count()).toBe(0);
  }, 45_000);

  it('keeps the candidate in the room across a reload', async () => {
    const room = await createRoomOverHttp(env.server.url);
    const { context } = await openContext(env.browser, env.server.url);
    const page = await joinRoom(context, room.candidateUrl, 'Cam Candidate');
    await typeInEditor(page, 'survives reloads');
    await waitForConnection(page, 'connected');
    await page.reload();
    await page.getByTestId('role-badge').waitFor();
    expect(await page.getByTestId('role-badge').getAttribute('data-role')).toBe('candidate');
    await page.getByTestId('tab-code').click();
    await expect.poll(() => editorText(page), WAIT).toContain('survives reloads');
  }, 45_000);
});

describe('error pages', () => {
  it('explains an unknown room', async () => {
    const { context } = await openContext(env.browser, env.server.url);
    const page = await joinRoomExpectingError(context, `${env.server.url}/room/NoSuchRoom123#token=${'a'.repeat(43)}`);
    expect(await page.getByTestId('error-page').getAttribute('data-code')).toBe('room_not_found');
    expect(await page.getByTestId('error-page').innerText()).toContain('Room not found');
  });

  it('explains a link whose token is wrong', async () => {
    const room = await createRoomOverHttp(env.server.url);
    const { context } = await openContext(env.browser, env.server.url);
    const page = await joinRoomExpectingError(context, `${env.server.url}/room/${room.roomId}#token=${'b'.repeat(43)}`);
    expect(await page.getByTestId('error-page').getAttribute('data-code')).toBe('unauthorized');
    expect(await page.getByTestId('error-page').innerText()).toContain('This link is not valid');
  });

  it('explains a link without its token', async () => {
    const room = await createRoomOverHttp(env.server.url);
    const page = await (await openContext(env.browser, env.server.url)).context.newPage();
    await page.goto(`${env.server.url}/room/${room.roomId}`);
    await page.getByTestId('error-page').waitFor();
    expect(await page.getByTestId('error-page').getAttribute('data-code')).toBe('missing_token');
  });
});

async function joinRoomExpectingError(context: Awaited<ReturnType<typeof openContext>>['context'], link: string) {
  const page = await context.newPage();
  await page.goto(link);
  await page.getByTestId('name-input').fill('Tess');
  await page.getByTestId('name-submit').click();
  await page.getByTestId('error-page').waitFor();
  return page;
}
