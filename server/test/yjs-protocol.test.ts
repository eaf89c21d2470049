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

describe('y-websocket frames', () => {
  it.each(lengths)('frame a %i-byte document update byte for byte as y-protocols does', (length) => {
    const update = payload(length);
    const expected = lib0Frame((encoder) => {
      encoding.writeVarUint(encoder, MessageType.sync);
      syncProtocol.writeUpdate(encoder, update);
    });
    expect(Buffer.from(updateMessage(update)).equals(Buffer.from(expected))).toBe(true);
  });

  it.each(lengths)('frame a %i-byte awareness update byte for byte as lib0 does', (length) => {
    const update = payload(length);
    const expected = lib0Frame((encoder) => {
      encoding.writeVarUint(encoder, MessageType.awareness);
      encoding.writeVarUint8Array(encoder, update);
    });
    expect(Buffer.from(awarenessFrame(update)).equals(Buffer.from(expected))).toBe(true);
  });
});
