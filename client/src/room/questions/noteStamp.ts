import { elapsedMs, type RoomView } from '@quorum/shared';
import { currentQuestion } from '../currentQuestion';

/** Long bank titles would swamp a note; the marker only has to tell the questions apart. */
const TITLE_CHARS = 32;

/**
 * `[12:34 · Q2 Raft log replication…] `: the interview clock's elapsed time and the question
 * being asked, so a note can be matched to the moment later.
 */
export function noteStamp(view: RoomView, serverNow: number): string {
  const time = formatElapsed(elapsedMs(view.clock, serverNow));
  const question = currentQuestion(view);
  return question ? `[${time} · Q${question.number} ${shorten(question.title)}] ` : `[${time}] `;
}

function formatElapsed(ms: number): string {
  const seconds = Math.floor(ms / 1000);
  return `${String(Math.floor(seconds / 60)).padStart(2, '0')}:${String(seconds % 60).padStart(2, '0')}`;
}

function shorten(title: string): string {
  if (title.length <= TITLE_CHARS) return title;
  const cut = title.slice(0, TITLE_CHARS);
  const lastSpace = cut.lastIndexOf(' ');
  return `${(lastSpace > TITLE_CHARS / 2 ? cut.slice(0, lastSpace) : cut).trimEnd()}…`;
}
