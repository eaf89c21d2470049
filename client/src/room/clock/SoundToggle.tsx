import { useClockSound } from './clockSound';

/** Turns the clock's warning beeps on or off for this browser. */
export function SoundToggle() {
  const [on, setOn] = useClockSound();
  return (
    <button
      type="button"
      className="button button--small button--ghost sound-toggle"
      aria-pressed={on}
      aria-label="Beep at one minute left and at time up"
      data-testid="clock-sound"
      title={on ? 'Clock sound on: beeps at one minute left and at time up' : 'Clock sound off'}
      onClick={() => setOn(!on)}
    >
      <svg viewBox="0 0 20 20" width="16" height="16" aria-hidden="true">
        <path
          d="M10 2.5a5 5 0 0 0-5 5v3.2L3.5 13.5h13L15 10.7V7.5a5 5 0 0 0-5-5Zm-2 12.5a2 2 0 0 0 4 0"
          fill="none"
          stroke="currentColor"
          strokeWidth="1.6"
          strokeLinejoin="round"
        />
        {!on && <path d="M3 3l14 14" stroke="currentColor" strokeWidth="1.6" strokeLinecap="round" />}
      </svg>
    </button>
  );
}
