import { RAMP_P99_LIMIT_MS } from '../config.js';
import { DISTURBED_PERCENT, disturbance } from '../metrics/window.js';
import type { StepResult } from './results.js';

/**
 * The largest step held (update p99 under the limit) before the first miss. A step whose window
 * other work on the shared machine (or the hypervisor's steal) still disturbed (after the retries) proves nothing either way.
 */
export function rampOf(steps: readonly StepResult[]): { maxRooms: number | null; end: string } {
  let maxRooms: number | null = null;
  const skipped: number[] = [];
  for (const step of steps) {
    if (disturbance(step.cpu) > DISTURBED_PERCENT) {
      skipped.push(step.rooms);
      continue;
    }
    if (step.window.update.count === 0 || step.window.update.p99 >= RAMP_P99_LIMIT_MS) {
      return { maxRooms, end: `p99 ${step.window.update.p99} ms at ${step.rooms} rooms${note(skipped)}` };
    }
    maxRooms = step.rooms;
  }
  return { maxRooms, end: `every step held${note(skipped)}` };
}

const note = (skipped: number[]) => (skipped.length > 0 ? ` (disturbed, not counted: ${skipped.join(', ')} rooms)` : '');
