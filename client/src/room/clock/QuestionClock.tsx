import type { Timer } from '@quorum/shared';
import { ServerClock } from './ServerClock';
import { SoundToggle } from './SoundToggle';

/** A question's countdown, with the switch for its warning beeps beside it. */
export function QuestionClock({ timer, offset }: { timer: Timer; offset: number }) {
  return (
    <span className="question-clock">
      <ServerClock timer={timer} offset={offset} label="Question time left" testId="question-clock" />
      <SoundToggle />
    </span>
  );
}
