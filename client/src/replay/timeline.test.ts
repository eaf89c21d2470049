import { describe, expect, it } from 'vitest';
import { markersOf } from './timeline';

const span = { startedAt: 0, endedAt: 10_000 };

describe('the scrubber markers', () => {
  it('marks a run with what ran and its tests, or how it ended when it has none', () => {
    const markers = markersOf({
      ...span,
      events: [
        { at: 1, kind: 'code.run', run: 'tests', language: 'python', status: 'finished', passed: 2, total: 3 },
        { at: 2, kind: 'code.run', run: 'run', language: 'go', status: 'timeout', passed: 0, total: 0 },
      ],
    });
    expect(markers.map((marker) => [marker.kind, marker.label])).toEqual([
      ['run', 'Visible tests (python): 2/3 passed'],
      ['run', 'Code run (go): timed out'],
    ]);
  });

  it('marks a chat message with its author and text', () => {
    expect(markersOf({ ...span, events: [{ at: 3, kind: 'chat.message', participantId: 'p1', name: 'Cam', text: 'Can I use a heap?' }] })).toEqual([
      { at: 3, kind: 'chat', label: 'Cam: Can I use a heap?' },
    ]);
  });
});
