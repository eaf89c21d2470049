import type { SoloSession } from '@quorum/shared';
import type { SoloStore } from './store.js';

/** Solo sessions in this process only: for tests and the bench. */
export function createMemorySoloStore(): SoloStore {
  const sessions = new Map<string, { session: SoloSession; deviceKey: string }>();
  const byDevice = new Map<string, string[]>();
  return {
    async create(session, deviceKey) {
      sessions.set(session.id, { session: structuredClone(session), deviceKey });
      byDevice.set(deviceKey, [session.id, ...(byDevice.get(deviceKey) ?? [])]);
    },
    async get(id) {
      const found = sessions.get(id);
      return found ? { session: structuredClone(found.session), deviceKey: found.deviceKey } : null;
    },
    async update(id, mutate) {
      const found = sessions.get(id);
      if (!found) return null;
      const next = mutate(structuredClone(found.session));
      if (!next) return structuredClone(found.session);
      const stored = { ...next, version: found.session.version + 1 };
      sessions.set(id, { session: stored, deviceKey: found.deviceKey });
      return structuredClone(stored);
    },
    async listByDevice(deviceKey, limit) {
      return (byDevice.get(deviceKey) ?? []).slice(0, limit).flatMap((id) => {
        const found = sessions.get(id);
        return found ? [structuredClone(found.session)] : [];
      });
    },
  };
}
