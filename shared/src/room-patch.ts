import { z } from 'zod';
import type { RoomView } from './room.js';

/**
 * The room protocol's version. 2: a room event is a patch from the view one version saw to the
 * next (`room:patch`); the whole view only on joining and on a resync.
 */
export const ROOM_PROTOCOL = 2;

/** Keys a patch may never walk through, so applying one cannot reach an object's prototype. */
const unsafeKeys = new Set(['__proto__', 'prototype', 'constructor']);
const PathKey = z.union([
  z.string().refine((key) => !unsafeKeys.has(key), 'not a data key'),
  z.number().int().min(0),
]);

/** Sets the value at a path (an array index at the array's length appends); no `v` deletes the key. */
export const PatchOp = z.object({ p: z.array(PathKey).max(16), v: z.unknown().optional() });
export type PatchOp = z.infer<typeof PatchOp>;

/** Turns the view of version `from` into the view of version `to`, for one role. */
export const RoomPatch = z.object({ from: z.number().int(), to: z.number().int(), ops: z.array(PatchOp) });
export type RoomPatch = z.infer<typeof RoomPatch>;

type Json = unknown;
type Path = (string | number)[];

const isRecord = (value: Json): value is Record<string, Json> =>
  typeof value === 'object' && value !== null && !Array.isArray(value);

/**
 * The ops that turn `before` into `after`, both as JSON would carry them: a key whose value is
 * `undefined` counts as absent. Arrays that grew keep their prefix and append; any other change of
 * shape replaces the value whole. Every value in an op is a part of `after`, so a patch of two
 * views filtered for a role carries nothing that role's whole view would not.
 */
export function diffJson(before: Json, after: Json): PatchOp[] {
  const ops: PatchOp[] = [];
  diffInto(ops, [], before, after);
  return ops;
}

function diffInto(ops: PatchOp[], path: Path, before: Json, after: Json): void {
  if (before === after) return;
  if (isRecord(before) && isRecord(after)) {
    for (const [key, value] of Object.entries(after)) {
      if (value === undefined) {
        if (before[key] !== undefined) ops.push({ p: [...path, key] });
      } else {
        diffInto(ops, [...path, key], before[key], value);
      }
    }
    for (const [key, value] of Object.entries(before)) {
      if (value !== undefined && !(key in after)) ops.push({ p: [...path, key] });
    }
    return;
  }
  if (Array.isArray(before) && Array.isArray(after) && after.length >= before.length) {
    after.forEach((value: Json, index) => {
      if (index < before.length) diffInto(ops, [...path, index], before[index], value);
      else ops.push({ p: [...path, index], v: value });
    });
    return;
  }
  ops.push({ p: path, v: after });
}

/** Applies ops without touching `value`: what a patch changed is new, everything else is shared. */
export function applyOps<T>(value: T, ops: readonly PatchOp[]): T {
  return ops.reduce<Json>((root, op) => setIn(root, op.p, 0, op.v), value) as T;
}

function setIn(node: Json, path: readonly (string | number)[], depth: number, value: Json): Json {
  if (depth === path.length) return value;
  const key = path[depth]!;
  const copy = (Array.isArray(node) ? [...node] : isRecord(node) ? { ...node } : {}) as Record<string | number, Json>;
  if (depth === path.length - 1 && value === undefined) {
    delete copy[key];
    return copy;
  }
  copy[key] = setIn(copy[key], path, depth + 1, value);
  return copy;
}

/** The patch that takes one role's view of a room to its view of the next version. */
export function patchBetween(before: RoomView, after: RoomView): RoomPatch {
  // The version travels as `from` and `to`.
  return { from: before.version, to: after.version, ops: diffJson({ ...before, version: 0 }, { ...after, version: 0 }) };
}

/** At most this many patches wait for the view they apply to; a longer gap waits for the resync alone. */
const MAX_AHEAD = 64;

/**
 * One connection's view of a room, kept current from whole views and patches. A patch that does
 * not start at the version held is kept until the view it starts from arrives (patches and a
 * resync can cross on the wire); `receivePatch` says `gap` when a resync is needed.
 */
export class RoomViewFeed {
  private current: RoomView | null = null;
  private readonly ahead = new Map<number, RoomPatch>();

  get view(): RoomView | null {
    return this.current;
  }

  /** Takes a whole view, unless a newer one is held already; true when the view changed. */
  receiveView(view: RoomView): boolean {
    if (this.current && view.version < this.current.version) return false;
    this.current = view;
    this.drain();
    return true;
  }

  /** `early`: no view yet, the one the join sends is on its way; `gap`: versions were missed. */
  receivePatch(patch: RoomPatch): 'applied' | 'stale' | 'early' | 'gap' {
    const held = this.current;
    if (held && patch.to <= held.version) return 'stale';
    if (held && patch.from === held.version) {
      this.current = { ...applyOps(held, patch.ops), version: patch.to };
      this.drain();
      return 'applied';
    }
    if (this.ahead.size >= MAX_AHEAD) this.ahead.clear();
    this.ahead.set(patch.from, patch);
    return held ? 'gap' : 'early';
  }

  private drain(): void {
    for (const from of [...this.ahead.keys()]) if (from < this.current!.version) this.ahead.delete(from);
    let next = this.ahead.get(this.current!.version);
    while (next) {
      this.ahead.delete(next.from);
      this.current = { ...applyOps(this.current!, next.ops), version: next.to };
      next = this.ahead.get(this.current.version);
    }
  }
}
