import { runLimits, truncatedMark } from '@quorum/shared';

/** Collects one stream up to the output cap; past it, the text ends with the truncated mark. */
export class OutputBuffer {
  private text = '';
  truncated = false;

  /** Returns what was kept of `chunk`, so a worker stops posting once the cap is hit. */
  add(chunk: string): string {
    if (this.truncated) return '';
    const room = runLimits.outputBytes - this.text.length;
    if (chunk.length <= room) {
      this.text += chunk;
      return chunk;
    }
    const kept = chunk.slice(0, Math.max(0, room));
    this.text += kept + truncatedMark;
    this.truncated = true;
    return kept + truncatedMark;
  }

  toString(): string {
    return this.text;
  }
}
