import { describe, expect, it } from 'vitest';
import { Close, CloseCode } from '../src/index.js';

const frames = Object.entries(Close);

describe('close codes', () => {
  it('gives every close its own code', () => {
    const codes = frames.map(([, { code }]) => code);
    expect(new Set(codes).size).toBe(codes.length);
  });

  it('keeps every reason within the 123 bytes a close frame can carry', () => {
    for (const [name, { reason }] of frames) expect(Buffer.byteLength(reason), name).toBeLessThanOrEqual(123);
  });

  it('uses only standard codes or the permanent 44xx and try-again 45xx ranges of y-websocket', () => {
    for (const [name, { code }] of frames) {
      const standard = code >= 1000 && code <= 1015;
      const permanent = code >= 4400 && code <= 4499;
      const tryAgain = code >= 4500 && code <= 4599;
      expect(standard || permanent || tryAgain, `${name} ${code}`).toBe(true);
    }
  });

  it('names each code as its close does', () => {
    expect(Object.keys(CloseCode)).toEqual(Object.keys(Close));
    for (const [name, { code }] of frames) expect(CloseCode[name as keyof typeof Close]).toBe(code);
  });
});
