import { execFileSync } from 'node:child_process';
import { mkdtempSync, readFileSync, rmSync } from 'node:fs';
import { tmpdir } from 'node:os';
import path from 'node:path';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { analyseDelivery, deliveryAdvice } from '../../client/src/solo/delivery/analyse.js';

/** Real speech from espeak-ng, read back as samples: 16-bit PCM WAV, mono. */
function readWav(file: string): { samples: Float32Array; sampleRate: number } {
  const buffer = readFileSync(file);
  const sampleRate = buffer.readUInt32LE(24);
  let offset = 12;
  while (buffer.toString('ascii', offset, offset + 4) !== 'data') offset += 8 + buffer.readUInt32LE(offset + 4);
  const length = Math.min(buffer.readUInt32LE(offset + 4), buffer.length - offset - 8) / 2;
  const samples = new Float32Array(length);
  for (let i = 0; i < length; i += 1) samples[i] = buffer.readInt16LE(offset + 8 + i * 2) / 32768;
  return { samples, sampleRate };
}

const sentence = 'A quorum of the replicas must agree before a write is acknowledged, so that any two majorities overlap in at least one node.';

describe('delivery figures from a recording', () => {
  let dir: string;
  const speak = (name: string, text: string) => {
    const file = path.join(dir, name);
    execFileSync('espeak-ng', ['-w', file, text]);
    return file;
  };
  beforeAll(() => {
    dir = mkdtempSync(path.join(tmpdir(), 'quorum-delivery-'));
  });
  afterAll(() => rmSync(dir, { recursive: true, force: true }));

  it('finds continuous speech mostly spoken, with no long pause, at a speaking pace', () => {
    const { samples, sampleRate } = readWav(speak('steady.wav', `${sentence} ${sentence}`));
    const figures = analyseDelivery(samples, sampleRate);
    expect(figures.speakingShare).toBeGreaterThan(0.7);
    expect(figures.longPauses).toBe(0);
    expect(figures.syllablesPerMinute).toBeGreaterThan(150);
    expect(figures.syllablesPerMinute).toBeLessThan(450);
  });

  it('finds a long silence in the middle as one long pause of about its length', () => {
    const first = speak('first.wav', sentence);
    const second = speak('second.wav', sentence);
    const silence = path.join(dir, 'silence.wav');
    const withGap = path.join(dir, 'with-gap.wav');
    execFileSync('sox', ['-n', '-r', String(readWav(first).sampleRate), '-c', '1', '-b', '16', silence, 'trim', '0', '5']);
    execFileSync('sox', [first, silence, second, withGap]);
    const { samples, sampleRate } = readWav(withGap);
    const figures = analyseDelivery(samples, sampleRate);
    expect(figures.longPauses).toBe(1);
    expect(figures.longestPauseMs).toBeGreaterThan(4_800);
    expect(figures.longestPauseMs).toBeLessThan(6_000);
    expect(deliveryAdvice(figures).join(' ')).toMatch(/over three seconds/);
  });

  it('finds nothing spoken in silence', () => {
    const figures = analyseDelivery(new Float32Array(16_000 * 4), 16_000);
    expect(figures.speakingShare).toBe(0);
    expect(figures.syllablesPerMinute).toBe(0);
  });
});
