import type { RoomDocs } from '../../sync/roomDocs';
import { saveBlob } from '../report/download';
import { boardKeepsake, codeKeepsake, type Keepsake } from './keepsakes';

/**
 * The server no longer has the room, but this tab still holds its documents: offer them as files
 * rather than leaving the person at a dead end.
 */
export function LostRoomDownloads({ roomId, docs }: { roomId: string; docs: RoomDocs }) {
  const board = docs.get('board');
  const code = docs.get('code');
  const offers: { label: string; keepsake: Keepsake | null; testId: string }[] = [
    { label: 'Download the board', keepsake: board ? boardKeepsake(roomId, board.doc) : null, testId: 'download-board' },
    { label: 'Download the code', keepsake: code ? codeKeepsake(roomId, code.doc) : null, testId: 'download-code' },
  ];
  const available = offers.filter((offer) => offer.keepsake !== null);
  if (available.length === 0) return null;
  return (
    <>
      {available.map(({ label, keepsake, testId }) => (
        <button key={testId} type="button" className="button button--primary" data-testid={testId} onClick={() => saveBlob(keepsake!.blob, keepsake!.name)}>
          {label}
        </button>
      ))}
    </>
  );
}
