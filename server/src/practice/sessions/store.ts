import type { SoloSession } from '@quorum/shared';

export type SoloMutation = (session: SoloSession) => SoloSession | null;

/**
 * Where solo sessions live: one port of the store, with one contract suite run against every
 * implementation. A session belongs to the device that made it, by the hash of its device id.
 */
export interface SoloStore {
  create(session: SoloSession, deviceKey: string): Promise<void>;
  /** The session with the key of the device it belongs to. */
  get(id: string): Promise<{ session: SoloSession; deviceKey: string } | null>;
  /** Atomic read-modify-write; `mutate` may run more than once under contention; null leaves it as it is. */
  update(id: string, mutate: SoloMutation): Promise<SoloSession | null>;
  /** The device's sessions, newest first. */
  listByDevice(deviceKey: string, limit: number): Promise<SoloSession[]>;
}
