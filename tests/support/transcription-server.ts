import { createServer } from 'node:http';
import type { AddressInfo } from 'node:net';

/**
 * A local server that speaks the OpenAI `/v1/audio/transcriptions` protocol (multipart form with
 * `file` and `model`, JSON `{text}` back), as whisper.cpp's and faster-whisper's servers do, and
 * fails on demand with a 500.
 */
export async function startTranscriptionServer(text: string) {
  let failing = false;
  const received: { model: string | null; fileBytes: number; contentType: string | null }[] = [];
  const server = createServer(async (req, res) => {
    const chunks: Buffer[] = [];
    for await (const chunk of req) chunks.push(chunk as Buffer);
    if (req.method !== 'POST' || req.url !== '/v1/audio/transcriptions') {
      res.writeHead(404, { 'content-type': 'application/json' }).end(JSON.stringify({ error: { message: 'not found' } }));
      return;
    }
    const body = Buffer.concat(chunks);
    const boundary = /boundary=(?:"([^"]+)"|([^;]+))/.exec(req.headers['content-type'] ?? '');
    const parts = boundary ? body.toString('latin1').split(`--${boundary[1] ?? boundary[2]}`) : [];
    const field = (name: string) => parts.find((p) => p.includes(`name="${name}"`));
    const file = field('file');
    const model = field('model')?.split('\r\n\r\n')[1]?.replace(/\r\n$/, '') ?? null;
    received.push({
      model,
      fileBytes: file ? Buffer.byteLength(file.split('\r\n\r\n').slice(1).join('\r\n\r\n'), 'latin1') : 0,
      contentType: /Content-Type: ([^\r\n]+)/i.exec(file ?? '')?.[1] ?? null,
    });
    if (failing) {
      res.writeHead(500, { 'content-type': 'application/json' }).end(JSON.stringify({ error: { message: 'decoder crashed' } }));
      return;
    }
    if (!file || !model) {
      res.writeHead(400, { 'content-type': 'application/json' }).end(JSON.stringify({ error: { message: 'file and model are required' } }));
      return;
    }
    res.writeHead(200, { 'content-type': 'application/json' }).end(JSON.stringify({ text }));
  });
  await new Promise<void>((resolve) => server.listen(0, '127.0.0.1', resolve));
  return {
    baseUrl: `http://127.0.0.1:${(server.address() as AddressInfo).port}/v1`,
    received,
    fail(on: boolean) {
      failing = on;
    },
    close: () => new Promise<void>((resolve) => server.close(() => resolve())),
  };
}
