import * as decoding from 'lib0/decoding';
import * as encoding from 'lib0/encoding';
import * as awarenessProtocol from 'y-protocols/awareness';
import * as syncProtocol from 'y-protocols/sync';
import * as Y from 'yjs';
import { applyUpdate } from './origin.js';
import type { ConnectionOrigin } from './origin.js';

/** Message types of the y-websocket protocol. */
export const MessageType = { sync: 0, awareness: 1, auth: 2, queryAwareness: 3 } as const;

export function syncStep1Message(doc: Y.Doc): Uint8Array {
  const encoder = encoding.createEncoder();
  encoding.writeVarUint(encoder, MessageType.sync);
  syncProtocol.writeSyncStep1(encoder, doc);
  return encoding.toUint8Array(encoder);
}

/**
 * `header`, then `payload` as a var-length byte array (lib0's varUint length, then the bytes), in
 * one allocation: lib0's encoder starts a 100-byte buffer and copies it out again, for each of the
 * thousands of relayed updates and cursors a second.
 */
function framed(header: readonly number[], payload: Uint8Array): Uint8Array {
  let lengthBytes = 1;
  for (let rest = payload.length; rest > 0x7f; rest = Math.floor(rest / 128)) lengthBytes += 1;
  const frame = new Uint8Array(header.length + lengthBytes + payload.length);
  frame.set(header);
  let at = header.length;
  let rest = payload.length;
  for (; rest > 0x7f; rest = Math.floor(rest / 128)) frame[at++] = 0x80 | (rest & 0x7f);
  frame[at++] = rest;
  frame.set(payload, at);
  return frame;
}

const UPDATE_HEADER = [MessageType.sync, syncProtocol.messageYjsUpdate] as const;
const AWARENESS_HEADER = [MessageType.awareness] as const;
const SYNC_STEP_2_HEADER = [MessageType.sync, syncProtocol.messageYjsSyncStep2] as const;

export function updateMessage(update: Uint8Array): Uint8Array {
  return framed(UPDATE_HEADER, update);
}

export function awarenessMessage(awareness: awarenessProtocol.Awareness, clients: number[]): Uint8Array {
  return awarenessFrame(awarenessProtocol.encodeAwarenessUpdate(awareness, clients));
}

/** Frames an already encoded awareness update, for when the same bytes also go to other servers. */
export function awarenessFrame(update: Uint8Array): Uint8Array {
  return framed(AWARENESS_HEADER, update);
}

/** The size of the document update a message carries; 0 for messages that change no document. */
export function carriedUpdateBytes(message: Uint8Array): number {
  const decoder = decoding.createDecoder(message);
  if (decoding.readVarUint(decoder) !== MessageType.sync) return 0;
  const syncType = decoding.readVarUint(decoder);
  if (syncType !== syncProtocol.messageYjsSyncStep2 && syncType !== syncProtocol.messageYjsUpdate) return 0;
  return message.length - decoder.pos;
}

export class ProtocolError extends Error {
  override name = 'ProtocolError';
}

/** What a message acts on: the document, its cursors, and the document's whole state, encoded. */
export interface SyncTarget {
  readonly doc: Y.Doc;
  readonly awareness: awarenessProtocol.Awareness;
  /** For a client that has nothing yet; may be cached, as every newcomer asks for the same bytes. */
  fullState(): Uint8Array;
  /** Applies a client's awareness update, keeping only what that client may say. */
  receiveAwareness(update: Uint8Array, from: ConnectionOrigin): void;
}

/** A state vector with no entries: the client has none of the document. */
const isEmptyStateVector = (stateVector: Uint8Array) => stateVector.length === 1 && stateVector[0] === 0;

/**
 * Handles one client message and returns the reply, if any. A read-only connection may sync down
 * and share its cursor, but its document updates are dropped. Throws ProtocolError (or a decoding
 * error) on a malformed message.
 */
export function handleMessage(message: Uint8Array, target: SyncTarget, from: ConnectionOrigin): Uint8Array | null {
  const { doc, awareness } = target;
  const decoder = decoding.createDecoder(message);
  const type = decoding.readVarUint(decoder);
  switch (type) {
    case MessageType.sync: {
      const syncType = decoding.readVarUint(decoder);
      if (syncType === syncProtocol.messageYjsSyncStep1) {
        const stateVector = decoding.readVarUint8Array(decoder);
        return framed(SYNC_STEP_2_HEADER, isEmptyStateVector(stateVector) ? target.fullState() : Y.encodeStateAsUpdate(doc, stateVector));
      }
      if (syncType === syncProtocol.messageYjsSyncStep2 || syncType === syncProtocol.messageYjsUpdate) {
        const update = decoding.readVarUint8Array(decoder);
        if (from.connection.writable) applyUpdate(doc, update, from);
        return null;
      }
      throw new ProtocolError(`unknown sync message ${syncType}`);
    }
    case MessageType.awareness:
      target.receiveAwareness(decoding.readVarUint8Array(decoder), from);
      return null;
    case MessageType.queryAwareness:
      return awarenessMessage(awareness, [...awareness.getStates().keys()]);
    case MessageType.auth:
      return null;
    default:
      throw new ProtocolError(`unknown message type ${type}`);
  }
}
