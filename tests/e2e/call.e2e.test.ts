import type { Browser } from 'playwright-core';
import { afterEach, describe, expect, it } from 'vitest';
import { FAKE_MEDIA, launchBrowser } from '../support/browser.js';
import { startTestServer, type TestServer } from '../support/server.js';
import { startOwnTurn, type OwnTurn } from '../support/turn.js';
import { CALL_WAIT as WAIT, figure, grows, joinCall, remote, waitConnected } from './callPage.js';
import { createRoomOverHttp, joinRoom, openContext } from './roomPage.js';

// Needs the built client (npm run build -w client): the test server serves client/dist.

describe('call in the browser', { timeout: 90_000 }, () => {
  let server: TestServer | undefined;
  let browser: Browser | undefined;
  let turn: OwnTurn | undefined;

  afterEach(async () => {
    await browser?.close();
    await server?.close();
    await turn?.stop();
    server = browser = turn = undefined;
  });

  async function open(config: Parameters<typeof startTestServer>[0] = {}, media = FAKE_MEDIA) {
    [server, browser] = await Promise.all([startTestServer(config), launchBrowser(media)]);
    const room = await createRoomOverHttp(server.url, 'Call room');
    const person = async (link: string, name: string) => joinRoom((await openContext(browser!, server!.url)).context, link, name);
    return { room, person };
  }

  it('connects interviewer and candidate, each receiving the other’s audio and video', async () => {
    const { room, person } = await open();
    const [ivy, cam] = await Promise.all([person(room.interviewerUrl, 'Ivy Interviewer'), person(room.candidateUrl, 'Cam Candidate')]);
    const clicked = Date.now();
    await Promise.all([joinCall(ivy), joinCall(cam)]);
    await Promise.all([waitConnected(ivy, 'candidate'), waitConnected(cam, 'interviewer')]);
    const connectMs = Date.now() - clicked;
    const growth = await Promise.all([
      grows(ivy, 'candidate', 'bytes-in-audio'),
      grows(ivy, 'candidate', 'bytes-in-video', 20_000),
      grows(cam, 'interviewer', 'bytes-in-audio'),
      grows(cam, 'interviewer', 'bytes-in-video', 20_000),
    ]);
    console.log(`call: connected in ${connectMs} ms; inbound growth ivy←cam audio ${growth[0]} B, video ${growth[1]} B; cam←ivy audio ${growth[2]} B, video ${growth[3]} B`);
  });

  it('sends no audio at all while muted, and again once unmuted', async () => {
    const { room, person } = await open();
    const [ivy, cam] = await Promise.all([person(room.interviewerUrl, 'Ivy Interviewer'), person(room.candidateUrl, 'Cam Candidate')]);
    await Promise.all([joinCall(ivy), joinCall(cam)]);
    await waitConnected(ivy, 'candidate');
    await grows(ivy, 'candidate', 'bytes-out-audio');
    await ivy.getByTestId('call-mic').click();
    await expect.poll(() => remote(cam, 'interviewer').locator('.call-tile__muted').count(), WAIT).toBe(1);
    // Two fresh samples after the mute: the first may still count packets sent just before it.
    await grows(ivy, 'candidate', 'bytes-out-video', 10_000);
    const muted = await figure(ivy, 'candidate', 'bytes-out-audio');
    await grows(ivy, 'candidate', 'bytes-out-video', 20_000);
    expect(await figure(ivy, 'candidate', 'bytes-out-audio')).toBe(muted);
    await ivy.getByTestId('call-mic').click();
    await grows(cam, 'interviewer', 'bytes-in-audio');
  });

  it('lets an observer receive both people while sending nothing', async () => {
    const { room, person } = await open();
    const [ivy, cam, olly] = await Promise.all([
      person(room.interviewerUrl, 'Ivy Interviewer'),
      person(room.candidateUrl, 'Cam Candidate'),
      person(room.observerUrl, 'Olly Observer'),
    ]);
    await Promise.all([joinCall(ivy), joinCall(cam), joinCall(olly)]);
    await Promise.all([waitConnected(olly, 'interviewer'), waitConnected(olly, 'candidate'), waitConnected(ivy, 'observer')]);
    await Promise.all([grows(olly, 'interviewer', 'bytes-in-video', 20_000), grows(olly, 'candidate', 'bytes-in-audio')]);
    for (const role of ['interviewer', 'candidate']) {
      expect(await figure(olly, role, 'bytes-out-audio'), role).toBe(0);
      expect(await figure(olly, role, 'bytes-out-video'), role).toBe(0);
    }
    expect(await figure(ivy, 'observer', 'bytes-in-audio')).toBe(0);
    expect(await figure(ivy, 'observer', 'bytes-in-video')).toBe(0);
    expect(await olly.getByTestId('call-mic').count()).toBe(0);
  });

  it('lets an observer speak once the interviewer gives them the floor', async () => {
    const { room, person } = await open();
    const [ivy, olly] = await Promise.all([person(room.interviewerUrl, 'Ivy Interviewer'), person(room.observerUrl, 'Olly Observer')]);
    await Promise.all([joinCall(ivy), joinCall(olly)]);
    await waitConnected(ivy, 'observer');
    await ivy.getByTestId('call-allow-speak').click();
    await olly.getByTestId('call-mic').click();
    await grows(ivy, 'observer', 'bytes-in-audio');
    expect(await figure(ivy, 'observer', 'bytes-in-video')).toBe(0);
  });

  it('explains a refused microphone and still lets the person listen', async () => {
    const { room, person } = await open({}, ['--use-fake-device-for-media-stream', '--use-fake-ui-for-media-stream=deny']);
    const cam = await person(room.candidateUrl, 'Cam Candidate');
    await joinCall(cam);
    await expect.poll(() => cam.getByTestId('call-notice').innerText(), WAIT).toMatch(/blocked your microphone/);
    expect(await cam.getByTestId('call-mic').innerText()).toBe('Try again');
  });

  it('connects though each side’s first offer is lost on its way in', async () => {
    const { room } = await open();
    // The server acknowledged both offers; the receivers never see them (a blip on their side).
    const person = async (link: string, name: string) => {
      const { context } = await openContext(browser!, server!.url);
      let dropped = false;
      await context.routeWebSocket(/\/socket\.io\//, (ws) => {
        const upstream = ws.connectToServer();
        upstream.onMessage((message) => {
          const offer = typeof message === 'string' && message.startsWith('42["call:signal"') && message.includes('"type":"offer"');
          if (offer && !dropped) dropped = true;
          else ws.send(message);
        });
      });
      return joinRoom(context, link, name);
    };
    const [ivy, cam] = await Promise.all([person(room.interviewerUrl, 'Ivy Interviewer'), person(room.candidateUrl, 'Cam Candidate')]);
    await Promise.all([joinCall(ivy), joinCall(cam)]);
    await Promise.all([waitConnected(ivy, 'candidate'), waitConnected(cam, 'interviewer')]);
    await Promise.all([grows(ivy, 'candidate', 'bytes-in-video', 20_000), grows(cam, 'interviewer', 'bytes-in-video', 20_000)]);
  });

  it('keeps the call through a dropped connection: it rejoins and restarts ICE', async () => {
    const { room, person } = await open();
    const [ivy, cam] = await Promise.all([person(room.interviewerUrl, 'Ivy Interviewer'), person(room.candidateUrl, 'Cam Candidate')]);
    await Promise.all([joinCall(ivy), joinCall(cam)]);
    await waitConnected(ivy, 'candidate');
    await cam.context().setOffline(true);
    await expect.poll(() => cam.getByTestId('connection').getAttribute('data-state'), WAIT).not.toBe('connected');
    await cam.context().setOffline(false);
    await expect.poll(() => cam.getByTestId('connection').getAttribute('data-state'), WAIT).toBe('connected');
    await expect.poll(() => cam.getByTestId('call-connected').innerText(), WAIT).toBe('1 connected');
    await Promise.all([grows(ivy, 'candidate', 'bytes-in-video', 20_000), grows(cam, 'interviewer', 'bytes-in-audio')]);
    expect(Number(await remote(cam, 'interviewer').getAttribute('data-ice-restarts'))).toBeGreaterThan(0);
  });

  it('connects through a local coturn when only relayed candidates are allowed', async () => {
    turn = await startOwnTurn();
    const { room, person } = await open({
      call: { stunUrls: [], turnUrls: [turn.url], turnSecret: turn.secret, turnTtlSeconds: 600, iceTransportPolicy: 'relay' },
    });
    const [ivy, cam] = await Promise.all([person(room.interviewerUrl, 'Ivy Interviewer'), person(room.candidateUrl, 'Cam Candidate')]);
    await Promise.all([joinCall(ivy), joinCall(cam)]);
    await Promise.all([waitConnected(ivy, 'candidate'), waitConnected(cam, 'interviewer')]).catch((error: unknown) => {
      throw new Error(`${String(error)}\ncoturn:\n${turn?.output().slice(-3000)}`);
    });
    await expect.poll(() => remote(ivy, 'candidate').getAttribute('data-relayed'), WAIT).toBe('true');
    await expect.poll(() => remote(cam, 'interviewer').getAttribute('data-relayed'), WAIT).toBe('true');
    await Promise.all([grows(ivy, 'candidate', 'bytes-in-video', 20_000), grows(cam, 'interviewer', 'bytes-in-audio')]);
  });
});
