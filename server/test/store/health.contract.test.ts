import { expect, it } from 'vitest';
import { describeContract } from './implementations.js';

describeContract('StoreHealth', (store, implementation) => {
  it('answers a ping', async () => {
    expect(await store().ping()).toBe(true);
  });

  it('names its kind, which /healthz reports when it is unreachable', () => {
    expect(store().kind).toBe(implementation.name);
  });
});
