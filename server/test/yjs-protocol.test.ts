import * as encoding from 'lib0/encoding';
import * as syncProtocol from 'y-protocols/sync';
import { describe, expect, it } from 'vitest';
import { MessageType, awarenessFrame, updateMessage } from '../src/yjs/protocol.js';

/** The same frame as y-protocols and lib0 write it, for comparison. */
function lib0Frame(write: (encoder: encoding.Encoder) => void): Uint8Array {
  const encoder = encoding.createEncoder();
  write(encoder);
  return encoding.toUint8Array(encoder);
}

// Around each point where the var-length prefix gains a byte (2^7, 2^14, 2^21).
const lengths = [0, 1, 127, 128, 129, 16_383, 16_384, 2_097_151, 2_097_152];
const payload = (length: number) => Uint8Array.from({ length }, (_, i) => (i * 31) & 0xff);

// Each frame as ours builds it, and as y-protocols and lib0 write its header before the payload.
const frames = [
  ['document update', updateMessage, (encoder: encoding.Encoder, update: Uint8Array) => (encoding.writeVarUint(encoder, MessageType.sync), syncProtocol.writeUpdate(encoder, update))],
  ['awareness update', awarenessFrame, (encoder: encoding.Encoder, update: Uint8Array) => (encoding.writeVarUint(encoder, MessageType.awareness), encoding.writeVarUint8Array(encoder, update))],
] as const;
const cases = frames.flatMap(([kind, ours, write]) => lengths.map((length) => [kind, length, ours, write] as const));

describe('y-websocket frames', () => {
  it.each(cases)('frame a %s of %i bytes byte for byte as y-protocols does', (_kind, length, ours, write) => {
    const update = payload(length);
    const expected = lib0Frame((encoder) => write(encoder, update));
    expect(Buffer.from(ours(update)).equals(Buffer.from(expected))).toBe(true);
  });
});
