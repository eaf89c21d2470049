import type { Timer } from '@quorum/shared';
import { ServerClock } from './ServerClock';
import { SoundToggle } from './SoundToggle';

/** A question's countdown, with the switch for its warning beeps beside it (while it can still beep). */
export function QuestionClock({ timer, offset, ended = false }: { timer: Timer; offset: number; ended?: boolean }) {
  return (
    <span className="question-clock">
      <ServerClock timer={timer} offset={offset} caption="Question" label="Question time left" testId="question-clock" ended={ended} />
      {!ended && <SoundToggle />}
    </span>
  );
}
