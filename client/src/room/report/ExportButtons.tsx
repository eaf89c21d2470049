import { useState } from 'react';
import { RequestError } from '../../http';
import { describeError } from '../../ui/errorMessages';
import { downloadFile } from './download';
import { InlineError } from '../../ui/InlineError';

export interface ExportSource {
  roomId: string;
  token: string;
  /** `scorecard`: the whole card, for the interviewer and observers; `feedback`: what was released to the candidate. */
  kind: 'scorecard' | 'feedback';
}

type Format = 'md' | 'json';
const formats: [Format, string][] = [
  ['md', 'Markdown'],
  ['json', 'JSON'],
];

/** Downloads the report as the server renders it, so a file matches what anyone else exports. */
export function ExportButtons({ source, beforeExport }: { source: ExportSource; beforeExport?: () => Promise<void> }) {
  const [busy, setBusy] = useState<Format | null>(null);
  const [error, setError] = useState<string | null>(null);

  const download = async (format: Format) => {
    setBusy(format);
    setError(null);
    try {
      await beforeExport?.();
      const url = `/api/rooms/${encodeURIComponent(source.roomId)}/${source.kind}?format=${format}`;
      await downloadFile(url, source.token, `quorum-${source.kind}-${source.roomId}.${format}`);
    } catch (failure) {
      setError(failure instanceof RequestError ? describeError(failure) : 'Could not download the report. Try again.');
    } finally {
      setBusy(null);
    }
  };

  return (
    <span className="export-buttons" role="group" aria-label="Download the report">
      {formats.map(([format, label]) => (
        <button
          key={format}
          type="button"
          className="button button--small"
          data-testid={`export-${format}`}
          disabled={busy !== null}
          aria-label={`Download as ${label}`}
          onClick={() => void download(format)}
        >
          {busy === format ? 'Preparing…' : `⤓ ${label}`}
        </button>
      ))}
      <InlineError message={error} />
    </span>
  );
}
