import { describe, expectTypeOf, it, expect } from 'vitest';
import { ClientEvent, ServerEvent, clientPayloads, clientResults } from '../src/index.js';
import type {
  Ack,
  ClientEventName,
  ClientPayload,
  ClientResults,
  ClientToServerEvents,
  QueueStatus,
  RoomPatch,
  RoomView,
  ServerToClientEvents,
} from '../src/index.js';

/** Checked by the compiler (`tsc -p tsconfig.tests.json`); the runtime half checks the maps' keys. */
describe('the room protocol’s types', () => {
  it('has a payload schema and a result schema for every client event, and nothing else', () => {
    expectTypeOf<keyof typeof clientPayloads>().toEqualTypeOf<ClientEventName>();
    expectTypeOf<keyof typeof clientResults>().toEqualTypeOf<ClientEventName>();
    expectTypeOf<(typeof ClientEvent)[keyof typeof ClientEvent]>().toEqualTypeOf<ClientEventName>();
    expectTypeOf<keyof ClientToServerEvents>().toEqualTypeOf<ClientEventName>();
    expect(Object.keys(clientResults).sort()).toEqual(Object.values(ClientEvent).sort());
    expect(Object.keys(clientPayloads).sort()).toEqual(Object.values(ClientEvent).sort());
  });

  it('infers each result from its schema', () => {
    expectTypeOf<ClientResults[typeof ClientEvent.ask]>().toEqualTypeOf<{ askedId: string }>();
    expectTypeOf<ClientResults[typeof ClientEvent.joinQueue]>().toEqualTypeOf<QueueStatus>();
    expectTypeOf<ClientResults[typeof ClientEvent.resync]>().toEqualTypeOf<undefined>();
    expectTypeOf<ClientResults[typeof ClientEvent.join]['protocol']>().toEqualTypeOf<number>();
    expectTypeOf<ClientResults[typeof ClientEvent.reissueLink]['role']>().toEqualTypeOf<'candidate' | 'observer'>();
  });

  it('acknowledges every client event with its own result', () => {
    expectTypeOf<Parameters<ClientToServerEvents[typeof ClientEvent.ask]>[0]>().toEqualTypeOf<ClientPayload<typeof ClientEvent.ask>>();
    expectTypeOf<Parameters<Parameters<ClientToServerEvents[typeof ClientEvent.revealHint]>[1]>[0]>().toEqualTypeOf<Ack<{ revealed: number }>>();
  });

  it('sends the whole view as room:state and a change as room:patch', () => {
    expectTypeOf<Parameters<ServerToClientEvents[typeof ServerEvent.state]>[0]>().toEqualTypeOf<RoomView>();
    expectTypeOf<Parameters<ServerToClientEvents[typeof ServerEvent.patch]>[0]>().toEqualTypeOf<RoomPatch>();
  });

  it('parses results at runtime as the types say', () => {
    expect(clientResults[ClientEvent.ask].safeParse({ askedId: 'q1' }).success).toBe(true);
    expect(clientResults[ClientEvent.ask].safeParse({}).success).toBe(false);
    expect(clientResults[ClientEvent.resync].safeParse(undefined).success).toBe(true);
  });
});
