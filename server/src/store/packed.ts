import { promisify } from 'node:util';
import { deflateRaw, inflateRaw } from 'node:zlib';

const deflate = promisify(deflateRaw);
/**
 * zlib's fastest level: a 124 KB board packs in 0.7 ms instead of level 6's 2.9 ms, to 22.5 KB
 * instead of 21.2 KB, and the live server packs every compaction and replay checkpoint.
 */
const LEVEL = 1;
const inflate = promisify(inflateRaw);

/**
 * Below this a document update stays as it came: a keystroke's few bytes gain nothing, and each
 * packing is a round trip to the thread pool.
 */
const PACK_FROM = 1024;

/** Bytes the embedded stores keep in this process, deflated when that pays. */
export interface Packed {
  bytes: Uint8Array;
  deflated: boolean;
}

/**
 * A copy of `bytes`, deflated off the event loop when it is large: Yjs documents (Excalidraw JSON,
 * code) shrink about 8-fold, and a process that holds every room's documents holds them for hours.
 */
export async function pack(bytes: Uint8Array): Promise<Packed> {
  if (bytes.length < PACK_FROM) return { bytes: bytes.slice(), deflated: false };
  // A copy: zlib hands back a view of its 16 KB output chunk, which would outweigh a small document.
  return { bytes: new Uint8Array(await deflate(bytes, { level: LEVEL })), deflated: true };
}

/** The bytes packed, as a copy the caller may keep. */
export async function unpack(packed: Packed): Promise<Uint8Array> {
  if (!packed.deflated) return packed.bytes.slice();
  const inflated = await inflate(packed.bytes);
  return new Uint8Array(inflated.buffer, inflated.byteOffset, inflated.byteLength);
}
