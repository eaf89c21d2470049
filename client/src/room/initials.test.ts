import { describe, expect, it } from 'vitest';
import { initials } from './Presence';

describe('avatar initials', () => {
  it('takes the first letters of the first and last names', () => {
    expect(initials('Cam Candidate')).toBe('CC');
    expect(initials('  ada   lovelace ')).toBe('AL');
    expect(initials('Grace')).toBe('G');
  });

  it('never shows two bare strokes that read as a pause sign', () => {
    expect(initials('Ivy Interviewer')).toBe('Iv');
    expect(initials('Luis Ibarra')).toBe('Lu');
    expect(initials('I L')).toBe('I');
  });

  it('falls back to a question mark for an empty name', () => {
    expect(initials('   ')).toBe('?');
  });
});
