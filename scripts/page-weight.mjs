// Prints what the room page costs a first-time visitor: requests, bytes on the wire and bytes unpacked.
// Needs the built server and client (npm run build). Usage: node scripts/page-weight.mjs [out.json]
import { writeFileSync } from 'node:fs';
import { chromium } from 'playwright-core';
import { createQuorumServer, testConfig } from '../server/dist/app.js';

const server = await createQuorumServer(testConfig({}));
const origin = await server.listen();
const browser = await chromium.launch({
  executablePath: process.env.CHROMIUM_PATH ?? '/usr/bin/chromium',
  args: ['--headless', '--no-sandbox', '--disable-gpu'],
});
try {
  const created = await fetch(`${origin}/api/rooms`, {
    method: 'POST',
    headers: { 'Content-Type': 'application/json' },
    body: JSON.stringify({ title: 'Page weight', track: 'system-design' }),
  }).then((response) => response.json());
  const context = await browser.newContext({ viewport: { width: 1280, height: 800 } });
  await context.addInitScript(() => localStorage.setItem('quorum:display-name', 'Weigher'));
  const page = await context.newPage();
  const requests = [];
  page.on('requestfinished', (request) => requests.push(request));
  await page.goto(created.interviewerUrl);
  await page.locator('.excalidraw').waitFor({ timeout: 60_000 });
  await page.waitForLoadState('networkidle');
  let wire = 0;
  let body = 0;
  const rows = [];
  for (const request of requests.filter((r) => r.url().startsWith(origin))) {
    const sizes = await request.sizes();
    const response = await request.response();
    wire += sizes.responseBodySize + sizes.responseHeadersSize;
    const headers = (await response?.allHeaders()) ?? {};
    const unpacked = Number(headers['content-length'] ?? 0) && !headers['content-encoding'] ? sizes.responseBodySize : (await response?.body())?.length ?? 0;
    body += unpacked;
    rows.push({ path: new URL(request.url()).pathname, wire: sizes.responseBodySize, unpacked, encoding: headers['content-encoding'] ?? 'identity', cache: headers['cache-control'] ?? '' });
  }
  const figures = { requests: rows.length, wireBytes: wire, unpackedBytes: body, rows };
  for (const row of rows) console.log(`${String(row.wire).padStart(9)} ${String(row.unpacked).padStart(9)} ${row.encoding.padEnd(8)} ${row.cache.padEnd(36)} ${row.path}`);
  console.log(`${figures.requests} requests, ${(wire / 1024).toFixed(0)} KiB on the wire, ${(body / 1024).toFixed(0)} KiB unpacked`);
  if (process.argv[2]) writeFileSync(process.argv[2], JSON.stringify(figures, null, 2));
} finally {
  await browser.close();
  await server.close();
}
