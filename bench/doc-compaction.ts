/**
 * What compaction writes while someone types into a large document: a 200 KB `code` document,
 * then N separate edits (one per turn of the event loop), on the Redis store. Counts the
 * compactions and the snapshot bytes they wrote, and the appends, by wrapping the store the server
 * is given. Prints the figures and writes them to results/.
 *
 *   npx tsx bench/doc-compaction.ts [--edits 1500] [--out bench/results/doc-compaction.json]
 */
import { mkdir, writeFile } from 'node:fs/promises';
import { dirname } from 'node:path';
import { setImmediate as nextTurn } from 'node:timers/promises';
import { createQuorumServer, createRedisStore, testConfig } from '@quorum/server';
import type { RoomStore } from '@quorum/server';
import { createRoom } from '../tests/support/client.js';
import { dropPrefix, REDIS_URL, testPrefix } from '../tests/support/server.js';
import { openDoc, whenSynced } from '../tests/support/yjs.js';

const arg = (name: string, fallback: string) => {
  const at = process.argv.indexOf(name);
  return at > 0 ? process.argv[at + 1]! : fallback;
};
const edits = Number(arg('--edits', '1500'));
const out = arg('--out', 'bench/results/doc-compaction.json');
const prefix = testPrefix();

const counts = { appends: 0, appendBytes: 0, compactions: 0, snapshotBytes: 0 };
const redisStore = createRedisStore({ url: REDIS_URL, prefix, ttlSeconds: 600 });
const store: RoomStore = {
  ...redisStore,
  appendUpdate: (roomId, doc, update, origin) => {
    counts.appends += 1;
    counts.appendBytes += update.length;
    return redisStore.appendUpdate(roomId, doc, update, origin);
  },
  compactDoc: (roomId, doc, snapshot, cursor) => {
    counts.compactions += 1;
    counts.snapshotBytes += snapshot.length;
    return redisStore.compactDoc(roomId, doc, snapshot, cursor);
  },
};
const server = await createQuorumServer(testConfig({ redisUrl: REDIS_URL, redisPrefix: prefix, limits: { yjsMessagesPerSecond: 100_000 } }), { store });
await server.listen();
const room = await createRoom(server.url);
const writer = openDoc(server.url, room.roomId, 'code', room.tokens.interviewer);
const reader = openDoc(server.url, room.roomId, 'code', room.tokens.candidate);
await Promise.all([whenSynced(writer), whenSynced(reader)]);
const text = writer.doc.getText('code');
text.insert(0, 'x'.repeat(200 * 1024));
const seen = reader.doc.getText('code');
const arrived = (length: number) => new Promise<void>((resolve) => {
  const check = () => seen.length >= length && (seen.unobserve(check), resolve());
  seen.observe(check);
  check();
});
await arrived(200 * 1024);
const seeded = { ...counts };
// A person typing: every edit in its own turn, so each is its own append.
for (let i = 0; i < edits; i += 1) {
  text.insert(i, 'y');
  await nextTurn();
}
await arrived(200 * 1024 + edits);
const typing = {
  appends: counts.appends - seeded.appends,
  appendBytes: counts.appendBytes - seeded.appendBytes,
  compactions: counts.compactions - seeded.compactions,
  snapshotBytes: counts.snapshotBytes - seeded.snapshotBytes,
};
console.log(`${edits} edits into a 200 KB document: ${typing.appends} appends (${typing.appendBytes} B), ${typing.compactions} compactions writing ${typing.snapshotBytes} B of snapshots`);
await mkdir(dirname(out), { recursive: true });
await writeFile(out, `${JSON.stringify({ at: new Date().toISOString(), edits, seeded, typing }, null, 2)}\n`);
console.log(`wrote ${out}`);
writer.destroy();
reader.destroy();
await server.close();
await dropPrefix(prefix);
