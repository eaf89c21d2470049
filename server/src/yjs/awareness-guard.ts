import * as decoding from 'lib0/decoding';
import * as encoding from 'lib0/encoding';

/** One entry of a y-protocols awareness update: a client's state (null: removed) at a clock. */
interface AwarenessEntry {
  clientId: number;
  clock: number;
  state: string;
}

/** The entries, and whether they were all the update held (nothing trailing after them). */
function decodeEntries(update: Uint8Array): { entries: AwarenessEntry[]; exact: boolean } {
  const decoder = decoding.createDecoder(update);
  const count = decoding.readVarUint(decoder);
  const entries: AwarenessEntry[] = [];
  for (let i = 0; i < count; i += 1) {
    entries.push({ clientId: decoding.readVarUint(decoder), clock: decoding.readVarUint(decoder), state: decoding.readVarString(decoder) });
  }
  return { entries, exact: !decoding.hasContent(decoder) };
}

function encodeEntries(entries: AwarenessEntry[]): Uint8Array {
  const encoder = encoding.createEncoder();
  encoding.writeVarUint(encoder, entries.length);
  for (const { clientId, clock, state } of entries) {
    encoding.writeVarUint(encoder, clientId);
    encoding.writeVarUint(encoder, clock);
    encoding.writeVarString(encoder, state);
  }
  return encoding.toUint8Array(encoder);
}

/** A kept entry's state as the server applies it (null: removed), and its text as relayed. */
interface NamedState {
  value: unknown;
  text: string;
}

/** Puts the server's name for the sender in place of whatever `user.name` it claimed. */
function withKnownName(state: string, name: string): NamedState {
  const parsed: unknown = JSON.parse(state);
  if (typeof parsed !== 'object' || parsed === null || !('user' in parsed)) return { value: parsed, text: state };
  const { user } = parsed as { user: unknown };
  if (typeof user !== 'object' || user === null || Array.isArray(user)) return { value: parsed, text: state };
  // Browsers announce the name the server gave them: nothing to rewrite.
  if ((user as { name?: unknown }).name === name) return { value: parsed, text: state };
  const value = { ...parsed, user: { ...user, name } };
  return { value, text: JSON.stringify(value) };
}

/**
 * What to do with one entry: keep it; ignore it (an echo that changes nothing: stock providers
 * send every state they receive back to the server); or drop it as a write to someone else's state.
 */
export type AwarenessVerdict = 'keep' | 'ignore' | 'drop';

export interface AwarenessClaim {
  judge(clientId: number, clock: number, removal: boolean): AwarenessVerdict;
  /** The name the server knows the sender by. */
  name: string;
}

/** An entry the sender may write, with its state parsed: what `applyAwarenessEntries` takes. */
export interface GuardedEntry {
  clientId: number;
  clock: number;
  state: unknown;
}

/**
 * Keeps only the entries of an awareness update that the sender may write, each under the name
 * the server knows it by. Returns those entries with their states parsed (parsed once: the server
 * applies them as they are), the update to relay (null if nothing is left), and how many entries
 * were dropped. Throws on a malformed update, like the decoder.
 */
export function guardAwareness(update: Uint8Array, claim: AwarenessClaim): { update: Uint8Array | null; entries: GuardedEntry[]; dropped: number } {
  const decoded = decodeEntries(update);
  const kept: GuardedEntry[] = [];
  const relayed: AwarenessEntry[] = [];
  let dropped = 0;
  let renamed = false;
  for (const entry of decoded.entries) {
    const verdict = claim.judge(entry.clientId, entry.clock, entry.state === 'null');
    if (verdict === 'drop') dropped += 1;
    if (verdict !== 'keep') continue;
    const { value, text } = withKnownName(entry.state, claim.name);
    renamed ||= text !== entry.state;
    kept.push({ clientId: entry.clientId, clock: entry.clock, state: value });
    relayed.push(text === entry.state ? entry : { ...entry, state: text });
  }
  // A cursor that moves, under the name the server gave it, is kept whole: its own bytes go on.
  const whole = decoded.exact && kept.length === decoded.entries.length && !renamed;
  return { update: kept.length === 0 ? null : whole ? update : encodeEntries(relayed), entries: kept, dropped };
}
