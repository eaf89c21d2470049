import { mkdirSync, mkdtempSync, rmSync, writeFileSync } from 'node:fs';
import { request } from 'node:http';
import { tmpdir } from 'node:os';
import path from 'node:path';
import { brotliCompressSync, brotliDecompressSync, gunzipSync, gzipSync } from 'node:zlib';
import { afterEach, beforeEach, describe, expect, it } from 'vitest';
import { startTestServer } from '../../tests/support/server.js';
import type { TestServer } from '../../tests/support/server.js';

const script = 'console.log("quorum");\n'.repeat(200);
const page = '<!doctype html><title>Quorum</title><script type="module" src="/assets/app-1a2b3c.js"></script>';

/** A built client as the build writes it: hashed assets with .br and .gz siblings. */
function writeBuiltClient(): string {
  const dir = mkdtempSync(path.join(tmpdir(), 'quorum-static-'));
  mkdirSync(path.join(dir, 'assets'));
  for (const [name, content] of [
    ['index.html', page],
    ['assets/app-1a2b3c.js', script],
  ] as const) {
    writeFileSync(path.join(dir, name), content);
    writeFileSync(path.join(dir, `${name}.br`), brotliCompressSync(content));
    writeFileSync(path.join(dir, `${name}.gz`), gzipSync(content));
  }
  writeFileSync(path.join(dir, 'assets/font-9f8e7d.woff2'), Buffer.alloc(64, 7));
  return dir;
}

function get(url: string, acceptEncoding?: string): Promise<{ status: number; headers: Record<string, string | string[] | undefined>; body: Buffer }> {
  return new Promise((resolve, reject) => {
    const req = request(url, { headers: acceptEncoding ? { 'accept-encoding': acceptEncoding } : {} }, (res) => {
      const chunks: Buffer[] = [];
      res.on('data', (chunk: Buffer) => chunks.push(chunk));
      res.on('end', () => resolve({ status: res.statusCode ?? 0, headers: res.headers, body: Buffer.concat(chunks) }));
    });
    req.on('error', reject);
    req.end();
  });
}

describe('serving the built client', () => {
  let server: TestServer;
  let staticDir: string;
  beforeEach(async () => {
    staticDir = writeBuiltClient();
    server = await startTestServer({ staticDir });
  });
  afterEach(async () => {
    await server.close();
    rmSync(staticDir, { recursive: true, force: true });
  });

  it('sends brotli to a browser that accepts it, with the type of the original file', async () => {
    const response = await get(`${server.url}/assets/app-1a2b3c.js`, 'gzip, deflate, br');
    expect(response.status).toBe(200);
    expect(response.headers['content-encoding']).toBe('br');
    expect(response.headers['content-type']).toMatch(/^text\/javascript|^application\/javascript/);
    expect(response.headers.vary).toMatch(/Accept-Encoding/i);
    expect(brotliDecompressSync(response.body).toString()).toBe(script);
  });

  it('falls back to gzip, then to the plain file', async () => {
    const gzip = await get(`${server.url}/assets/app-1a2b3c.js`, 'gzip');
    expect(gzip.headers['content-encoding']).toBe('gzip');
    expect(gunzipSync(gzip.body).toString()).toBe(script);
    const plain = await get(`${server.url}/assets/app-1a2b3c.js`);
    expect(plain.headers['content-encoding']).toBeUndefined();
    expect(plain.body.toString()).toBe(script);
  });

  it('caches hashed assets for a year as immutable, compressed or not', async () => {
    for (const asset of ['/assets/app-1a2b3c.js', '/assets/font-9f8e7d.woff2']) {
      const response = await get(`${server.url}${asset}`, 'br');
      expect(response.status).toBe(200);
      expect(response.headers['cache-control']).toBe('public, max-age=31536000, immutable');
    }
  });

  it('never lets a browser cache the page, at / or at any client route', async () => {
    for (const route of ['/', '/index.html', '/room/abc', '/history']) {
      const response = await get(`${server.url}${route}`, 'br');
      expect(response.status).toBe(200);
      expect(response.headers['cache-control']).toBe('no-store');
      expect(response.headers['content-type']).toMatch(/^text\/html/);
      expect(brotliDecompressSync(response.body).toString()).toBe(page);
    }
  });

  it('answers a missing asset with 404 rather than the page', async () => {
    const response = await get(`${server.url}/assets/gone-000000.js`, 'br');
    expect(response.status).toBe(404);
  });
});
