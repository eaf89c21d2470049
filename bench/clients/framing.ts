import * as decoding from 'lib0/decoding';
import * as encoding from 'lib0/encoding';
import type { Protocol } from '../servers/targets.js';

/** Message types: y-websocket's first four; Hocuspocus numbers the same and adds its own. */
export const MessageType = { sync: 0, awareness: 1, auth: 2, syncReply: 4 } as const;
/** Hocuspocus's auth sub-message that carries a token. */
const AUTH_TOKEN = 0;

/**
 * How y-protocols messages travel on one socket. y-websocket (Quorum included) sends them bare, one
 * document per socket; Hocuspocus prefixes each with the document name and wants a token first.
 * Everything after the header is the same y-protocols encoding, so one client drives every server.
 */
export interface Framing {
  /** An encoder with the header and the message type written. */
  start(type: number): encoding.Encoder;
  /** Reads the header, returns the message type. */
  read(decoder: decoding.Decoder): number;
  /** Sent as soon as the socket opens. */
  hello(): Uint8Array[];
}

export function framingFor(protocol: Protocol, documentName: string): Framing {
  if (protocol !== 'hocuspocus') {
    return {
      start(type) {
        const encoder = encoding.createEncoder();
        encoding.writeVarUint(encoder, type);
        return encoder;
      },
      read: (decoder) => decoding.readVarUint(decoder),
      hello: () => [],
    };
  }
  const start = (type: number) => {
    const encoder = encoding.createEncoder();
    encoding.writeVarString(encoder, documentName);
    encoding.writeVarUint(encoder, type);
    return encoder;
  };
  return {
    start,
    read(decoder) {
      decoding.readVarString(decoder);
      return decoding.readVarUint(decoder);
    },
    hello() {
      // The reference server runs no auth hook, so any token passes; the provider sends one all the same.
      const encoder = start(MessageType.auth);
      encoding.writeVarUint(encoder, AUTH_TOKEN);
      encoding.writeVarString(encoder, '');
      return [encoding.toUint8Array(encoder)];
    },
  };
}
