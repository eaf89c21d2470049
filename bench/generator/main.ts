/**
 * The load generator: its own process (forked by the bench), so its CPU is never counted as the
 * server's. It holds every client of every room and answers the bench's commands over IPC.
 */
import { buildTemplates } from '../clients/content.js';
import type { Templates } from '../clients/content.js';
import { Addressing } from '../clients/address.js';
import { profileWhile } from '../metrics/profiler.js';
import type { Command, GeneratorTarget, Reply, Request, WindowStats } from './ipc.js';
import { Room } from './room.js';
import type { RoomContext } from './room.js';
import { Tracker } from './tracker.js';

const SETUP_CONCURRENCY = 24;
/** A ramp step fails outright when more rooms than this share cannot even be set up. */
const MAX_FAILED_SHARE = 0.02;

const tracker = new Tracker();
let templates: Templates | undefined;
let context: RoomContext | undefined;
const rooms: Room[] = [];
let created = 0;

const send = (reply: Reply) => process.send?.(reply);
const progress = (text: string) => send({ progress: text });

async function init(target: GeneratorTarget): Promise<void> {
  templates ??= buildTemplates();
  const addressing = new Addressing(target);
  context = { addressing, templates, tracker, questions: target.protocol === 'quorum' ? await questionIds(addressing) : [] };
}

/** Three question ids from Quorum's bank, read as an interviewer would. */
async function questionIds(addressing: Addressing): Promise<string[]> {
  const room = await addressing.create(created++);
  const response = await fetch(`${addressing.url(0)}/api/rooms/${room.roomId}/bank`, { headers: { authorization: `Bearer ${room.tokens!.interviewer}` } });
  const body = (await response.json()) as { questions: { id: string }[] };
  const ids = body.questions.slice(0, 3).map((q) => q.id);
  if (ids.length < 2) throw new Error(`the question bank answered ${response.status} with ${ids.length} questions`);
  return ids;
}

/** Runs `task` for each index with at most `limit` at a time. */
async function pool(count: number, limit: number, task: (i: number) => Promise<void>): Promise<void> {
  let next = 0;
  const worker = async () => {
    while (next < count) await task(next++);
  };
  await Promise.all(Array.from({ length: Math.min(limit, count) }, worker));
}

/** Rooms created, filled and left again: what remains of them is what an idle room costs. */
async function idle(count: number): Promise<number> {
  const { addressing, templates: t } = context!;
  await pool(count, SETUP_CONCURRENCY / 2, async () => {
    const address = await addressing.create(created++);
    const code = addressing.client(address, 'interviewer', 'code', 0, tracker, t.code.update);
    const board = addressing.client(address, 'interviewer', 'board', 0, tracker, t.board.update);
    try {
      await Promise.all([code.open(), board.open()]);
      await Promise.all([code.roundTrip(), board.roundTrip()]);
    } finally {
      code.close();
      board.close();
    }
  });
  return count;
}

async function grow(target: number): Promise<{ rooms: number; failed: number }> {
  const wanted = target - rooms.length;
  let failed = 0;
  let firstFailure = '';
  let done = 0;
  let index = rooms.length;
  await pool(wanted, SETUP_CONCURRENCY, async () => {
    const room = new Room(index++, await context!.addressing.create(created++), context!);
    try {
      await room.setup();
      room.start();
      rooms.push(room);
      done += 1;
      if (done % 100 === 0) progress(`  ${rooms.length}/${target} rooms up`);
    } catch (error) {
      room.close();
      failed += 1;
      firstFailure ||= (error as Error).message;
      tracker.error(`room setup: ${(error as Error).message}`);
    }
  });
  if (failed > wanted * MAX_FAILED_SHARE) throw new Error(`${failed} of ${wanted} rooms failed to set up (the first: ${firstFailure})`);
  return { rooms: rooms.length, failed };
}

async function window(ms: number, profile?: string): Promise<WindowStats> {
  // Reset once the profiler (if any) has started and settled, so its start is not in the figures.
  await profileWhile(profile, () => {
    tracker.reset();
    return new Promise((resolve) => setTimeout(resolve, ms));
  });
  return tracker.window(rooms.length, context!.questions.length > 0);
}

function handle(command: Command): Promise<unknown> {
  switch (command.cmd) {
    case 'init':
      return init(command.target);
    case 'idle':
      return idle(command.rooms);
    case 'grow':
      return grow(command.rooms);
    case 'window':
      return window(command.ms, command.profile);
    case 'close':
      for (const room of rooms.splice(0)) room.close();
      setTimeout(() => process.exit(0), 100);
      return Promise.resolve(null);
  }
}

process.on('message', (request: Request) => {
  handle(request).then(
    (result) => send({ id: request.id, ok: true, result }),
    (error: unknown) => send({ id: request.id, ok: false, error: (error as Error).stack ?? String(error) }),
  );
});
// Orphaned (the bench died): stop at once rather than load a server nobody measures.
process.on('disconnect', () => process.exit(0));
