import { execFileSync } from 'node:child_process';
import { mkdtempSync, readFileSync, rmSync } from 'node:fs';
import { tmpdir } from 'node:os';
import path from 'node:path';
import { SoloSessionView } from '@quorum/shared';
import { afterEach, describe, expect, it } from 'vitest';
import { startTestServer, type TestServer } from '../../tests/support/server.js';
import { startTranscriptionServer } from '../../tests/support/transcription-server.js';

const device = 'device-transcribe-0001';
const transcript =
  'Both nodes keep accepting writes, so the data diverges. A timeout cannot distinguish a crashed primary from a partitioned one, so leadership must come from a majority.';

describe('transcribing a spoken practice answer', () => {
  let server: TestServer | undefined;
  let stt: Awaited<ReturnType<typeof startTranscriptionServer>> | undefined;
  afterEach(async () => {
    await server?.close();
    await stt?.close();
    server = stt = undefined;
  });

  const spokenAnswerLocked = async (url: string) => {
    const call = async (p: string, init: RequestInit = {}) => {
      const response = await fetch(`${url}/api/solo${p}`, { ...init, headers: { 'X-Quorum-Device': device, 'Content-Type': 'application/json', ...init.headers } });
      return { status: response.status, body: (await response.json()) as unknown };
    };
    const created = SoloSessionView.parse((await call('', { method: 'POST', body: JSON.stringify({ mode: 'quick-fire', answerMode: 'spoken' }) })).body);
    await call(`/${created.id}/items/1/start`, { method: 'POST' });
    await call(`/${created.id}/items/1/submit`, { method: 'POST' });
    return created.id;
  };
  const speech = () => {
    const dir = mkdtempSync(path.join(tmpdir(), 'quorum-stt-'));
    try {
      execFileSync('espeak-ng', ['-w', path.join(dir, 'a.wav'), 'A majority must agree.']);
      return readFileSync(path.join(dir, 'a.wav'));
    } finally {
      rmSync(dir, { recursive: true, force: true });
    }
  };
  const upload = (url: string, id: string, audio: Buffer) =>
    fetch(`${url}/api/solo/${id}/items/1/audio`, { method: 'POST', headers: { 'X-Quorum-Device': device, 'Content-Type': 'audio/wav' }, body: audio });

  it('sends the recording to the transcription server and grades the text like a typed answer', async () => {
    stt = await startTranscriptionServer(transcript);
    server = await startTestServer({ stt: { baseUrl: stt.baseUrl, model: 'tiny.en', apiKey: undefined, timeoutMs: 5_000 } });
    const id = await spokenAnswerLocked(server.url);
    const audio = speech();
    const response = await upload(server.url, id, audio);
    expect(response.status).toBe(200);
    const session = SoloSessionView.parse(await response.json());
    expect(session.canTranscribe).toBe(true);
    expect(session.items[0]!.answer).toBe(transcript);
    expect(session.items[0]!.grade).not.toBeNull();
    expect(stt.received[0]).toMatchObject({ model: 'tiny.en', contentType: 'audio/wav' });
    expect(stt.received[0]!.fileBytes).toBeGreaterThanOrEqual(audio.length);
  });

  it('answers 503 with a way forward when the transcription server fails', async () => {
    stt = await startTranscriptionServer(transcript);
    stt.fail(true);
    server = await startTestServer({ stt: { baseUrl: stt.baseUrl, model: 'tiny.en', apiKey: undefined, timeoutMs: 5_000 } });
    const id = await spokenAnswerLocked(server.url);
    const response = await upload(server.url, id, speech());
    expect(response.status).toBe(503);
    expect(((await response.json()) as { error: { message: string } }).error.message).toMatch(/tick the key points/);
  });

  it('says there is no transcription when none is configured', async () => {
    server = await startTestServer();
    const id = await spokenAnswerLocked(server.url);
    const response = await upload(server.url, id, speech());
    expect(response.status).toBe(404);
    expect(((await response.json()) as { error: { message: string } }).error.message).toMatch(/no transcription service/);
  });
});
