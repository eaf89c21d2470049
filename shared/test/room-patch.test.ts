import { isDeepStrictEqual } from 'node:util';
import { describe, expect, it } from 'vitest';
import { RoomViewFeed, applyOps, diffJson, newTimer, patchBetween, roomViewFor } from '../src/index.js';
import type { PatchOp, Role, RoomPatch, RoomState, RoomView } from '../src/index.js';
import { askedFixture, questionFixture, roomStateFixture } from './fixtures.js';

const roles: Role[] = ['interviewer', 'candidate', 'observer'];
/** What crosses Socket.IO: JSON, where a key holding `undefined` is no key at all. */
const wire = <T>(value: T): T => (value === undefined ? value : (JSON.parse(JSON.stringify(value)) as T));

/** A small deterministic PRNG, so a failing sequence can be replayed from its seed. */
function random(seed: number) {
  let s = seed >>> 0;
  const next = () => {
    s = (s + 0x6d2b79f5) >>> 0;
    let t = Math.imul(s ^ (s >>> 15), 1 | s);
    t = (t + Math.imul(t ^ (t >>> 7), 61 | t)) ^ t;
    return ((t ^ (t >>> 14)) >>> 0) / 4294967296;
  };
  return { next, int: (n: number) => Math.floor(next() * n), pick: <T>(list: readonly T[]) => list[Math.floor(next() * list.length)]! };
}
type Random = ReturnType<typeof random>;

/** One change of the kinds the room service, seats and swaps make, chosen at random. */
function step(state: RoomState, rnd: Random, n: number): RoomState {
  const current = state.asked.find((asked) => asked.askedId === state.currentAskedId);
  const moves: (() => RoomState)[] = [
    () => {
      const askedId = `a${n}`;
      const question = questionFixture({ id: `q${n}`, title: `Question ${n}`, hints: ['one', 'two', 'three'].map((h) => `${h} ${n}`) });
      return { ...state, asked: [...state.asked, askedFixture({ askedId, question, askedAt: n, revealedHints: 0 })], currentAskedId: askedId, phase: 'in-progress' };
    },
    () => ({
      ...state,
      asked: state.asked.map((asked) => (asked === current ? { ...asked, revealedHints: Math.min(asked.revealedHints + 1, asked.question.hints.length) } : asked)),
    }),
    () => ({ ...state, asked: state.asked.map((asked) => (asked === current ? { ...asked, timer: { ...asked.timer, startedAt: asked.timer.startedAt === null ? n : null, elapsedMs: n * 10 } } : asked)) }),
    () => ({ ...state, clock: rnd.int(2) ? { ...state.clock, startedAt: n } : newTimer(60 + n) }),
    () => ({ ...state, asked: state.asked.map((asked) => (asked === current ? { ...asked, stage: { index: rnd.int(4), startedAtElapsedMs: n } } : asked)) }),
    () => ({ ...state, phase: rnd.pick(['waiting', 'in-progress', 'wrap-up', 'ended'] as const) }),
    () => ({ ...state, customQuestions: [...state.customQuestions, questionFixture({ id: `custom-${n}`, source: 'custom', modelAnswer: undefined })] }),
    () => ({ ...state, suggested: rnd.int(3) ? [...state.suggested, `s${n}`] : state.suggested.slice(1) }),
    () => ({ ...state, currentAskedId: state.asked.length ? rnd.pick(state.asked).askedId : null }),
    () => ({ ...state, seats: [...state.seats, { role: rnd.pick(roles), participantId: `p${n}`, claimedAt: n }] }),
    () => ({
      ...state,
      pairing: {
        id: 'pair',
        half: 1,
        names: { interviewer: 'Ann', candidate: 'Bo' },
        swapVotes: rnd.int(2) ? ['candidate'] : [],
        nextRoomId: rnd.int(2) ? `next-${n}` : null,
        links: rnd.int(2) ? { interviewer: `secret-link-i-${n}`, candidate: `secret-link-c-${n}` } : null,
        nextSuggested: [`secret-next-${n}`],
      },
    }),
    // Shapes the service never makes, so the diff's other branches are exercised too.
    () => ({ ...state, asked: state.asked.slice(0, -1) }),
    () => ({ ...state, asked: state.asked.map((asked) => ({ ...asked, question: { ...asked.question, modelAnswer: rnd.int(2) ? undefined : `answer ${n}` } })) }),
    () => ({ ...state, pairing: null }),
  ];
  return { ...rnd.pick(moves)(), version: state.version + 1 };
}

function* sequences(count: number, length: number): Generator<[number, RoomState[]]> {
  for (let seed = 1; seed <= count; seed += 1) {
    const rnd = random(seed);
    const states = [roomStateFixture()];
    for (let n = 1; n <= length; n += 1) states.push(step(states.at(-1)!, rnd, n));
    yield [seed, states];
  }
}

/** The value at a path of a JSON value. */
const at = (value: unknown, path: readonly (string | number)[]): unknown =>
  path.reduce<unknown>((node, key) => (node as Record<string | number, unknown> | undefined)?.[key], value);

describe('room patches', () => {
  it('turn each role’s view of one version into its view of the next, over many event sequences', () => {
    const wrong: string[] = [];
    for (const [seed, states] of sequences(100, 30)) {
      for (let i = 1; i < states.length; i += 1) {
        for (const role of roles) {
          const before = wire(roomViewFor(role, states[i - 1]!));
          const after = wire(roomViewFor(role, states[i]!));
          const patch = wire(patchBetween(roomViewFor(role, states[i - 1]!), roomViewFor(role, states[i]!)));
          if (!isDeepStrictEqual(wire({ ...applyOps(before, patch.ops), version: patch.to }), after)) wrong.push(`seed ${seed}, step ${i}, ${role}`);
        }
      }
    }
    expect(wrong).toEqual([]);
  });

  it('carry only values the role’s own view holds at the same place', () => {
    const wrong: string[] = [];
    for (const [seed, states] of sequences(100, 30)) {
      for (let i = 1; i < states.length; i += 1) {
        for (const role of roles) {
          const after = wire(roomViewFor(role, states[i]!));
          for (const op of patchBetween(roomViewFor(role, states[i - 1]!), roomViewFor(role, states[i]!)).ops) {
            if (!isDeepStrictEqual(wire(op.v), at(after, op.p))) wrong.push(`seed ${seed}, step ${i}, ${role}: ${op.p.join('.')}`);
          }
        }
      }
    }
    expect(wrong).toEqual([]);
  });

  it('never carry a candidate the answer material of a question', () => {
    const secrets = ['model answer', 'key point', 'red flag', 'follow up', 'shallow', 'example answer', 'secret-'];
    for (const [, states] of sequences(100, 30)) {
      for (let i = 1; i < states.length; i += 1) {
        const text = JSON.stringify(patchBetween(roomViewFor('candidate', states[i - 1]!), roomViewFor('candidate', states[i]!)));
        for (const secret of secrets) expect(text.toLowerCase()).not.toContain(secret);
      }
    }
  });

  it('name only what changed: a revealed hint is one op', () => {
    const before = roomStateFixture({ asked: [askedFixture({ revealedHints: 0 })], currentAskedId: 'q1', version: 4 });
    const after = { ...before, asked: [askedFixture({ revealedHints: 1 })], version: 5 };
    expect(patchBetween(roomViewFor('candidate', before), roomViewFor('candidate', after))).toEqual({
      from: 4,
      to: 5,
      ops: [{ p: ['asked', 0, 'hints', 0], v: 'first hint' }],
    });
  });

  it('delete a key that became undefined, as JSON would drop it', () => {
    const ops: PatchOp[] = diffJson({ a: 1, b: 2 }, { a: 1, b: undefined });
    expect(ops).toEqual([{ p: ['b'] }]);
    expect(applyOps({ a: 1, b: 2 }, ops)).toEqual({ a: 1 });
  });

  it('leave the view they apply to untouched', () => {
    const view = wire(roomViewFor('candidate', roomStateFixture({ asked: [askedFixture()] })));
    const copy = structuredClone(view);
    applyOps(view, [{ p: ['asked', 0, 'title'], v: 'changed' }]);
    expect(view).toEqual(copy);
  });
});

describe('RoomViewFeed', () => {
  const views = (role: Role) => [...sequences(1, 12)][0]![1].map((state) => wire(roomViewFor(role, state)));
  const patches = (list: RoomView[]): RoomPatch[] => list.slice(1).map((view, i) => wire(patchBetween(list[i]!, view)));

  it('follows patches in order from a whole view', () => {
    const list = views('candidate');
    const feed = new RoomViewFeed();
    feed.receiveView(list[0]!);
    for (const patch of patches(list)) expect(feed.receivePatch(patch)).toBe('applied');
    expect(feed.view).toEqual(list.at(-1));
  });

  it('says gap when versions were missed, and catches up from the resync with the patches that came early', () => {
    const list = views('interviewer');
    const all = patches(list);
    const feed = new RoomViewFeed();
    feed.receiveView(list[0]!);
    expect(feed.receivePatch(all[3]!)).toBe('gap');
    expect(feed.receivePatch(all[4]!)).toBe('gap');
    feed.receiveView(list[3]!);
    expect(feed.view).toEqual(list[5]);
  });

  it('ignores patches it has already seen and a whole view older than its own', () => {
    const list = views('observer');
    const all = patches(list);
    const feed = new RoomViewFeed();
    feed.receiveView(list[2]!);
    expect(feed.receivePatch(all[0]!)).toBe('stale');
    expect(feed.receiveView(list[1]!)).toBe(false);
    expect(feed.view).toEqual(list[2]);
  });

  it('holds a patch that arrives before the join’s whole view', () => {
    const list = views('candidate');
    const feed = new RoomViewFeed();
    expect(feed.receivePatch(patches(list)[1]!)).toBe('early');
    feed.receiveView(list[1]!);
    expect(feed.view).toEqual(list[2]);
  });
});
