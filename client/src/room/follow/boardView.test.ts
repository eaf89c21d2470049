import { describe, expect, it } from 'vitest';
import { Awareness } from 'y-protocols/awareness';
import * as Y from 'yjs';
import { followerScroll, sameScroll, viewOf } from './boardView';

describe('following a board view', () => {
  it('centres the leader’s middle on a board of another size', () => {
    const leader = { scrollX: -100, scrollY: 50, zoom: 2, width: 800, height: 600 };
    const scroll = followerScroll(leader, { width: 1200, height: 400 });
    // The scene point at the middle of each screen is the same: -scroll + size / (2 × zoom).
    expect(-leader.scrollX + leader.width / 4).toBeCloseTo(-scroll.scrollX + 1200 / 4);
    expect(-leader.scrollY + leader.height / 4).toBeCloseTo(-scroll.scrollY + 400 / 4);
    expect(scroll.zoom).toBe(2);
  });

  it('tells an applied scroll from one the person made', () => {
    expect(sameScroll({ scrollX: 10, scrollY: 10, zoom: 1 }, { scrollX: 10.4, scrollY: 9.8, zoom: 1 })).toBe(true);
    expect(sameScroll({ scrollX: 10, scrollY: 10, zoom: 1 }, { scrollX: 40, scrollY: 10, zoom: 1 })).toBe(false);
  });

  it('reads only a well-formed view of the person asked for', () => {
    const local = new Awareness(new Y.Doc());
    const remote = new Awareness(new Y.Doc());
    remote.setLocalState({ user: { id: 'p-ivy' }, pane: 'split', viewport: { scrollX: 1, scrollY: 2, zoom: 1, width: 800, height: 600 } });
    local.getStates().set(remote.clientID, remote.getLocalState()!);
    expect(viewOf(local, 'p-ivy')).toEqual({ pane: 'split', viewport: { scrollX: 1, scrollY: 2, zoom: 1, width: 800, height: 600 } });
    expect(viewOf(local, 'p-someone-else')).toBeNull();
    local.getStates().set(remote.clientID, { user: { id: 'p-ivy' }, pane: 'upside-down', viewport: { scrollX: 'x', zoom: -1 } });
    expect(viewOf(local, 'p-ivy')).toEqual({ pane: null, viewport: null });
  });
});
