import { ReplayBundle } from '@quorum/shared';
import { useState } from 'react';
import { TopBar } from '../ui/TopBar';
import { ReplayScreen } from './ReplayPage';
import { bundleSource } from './source';
import type { ReplaySource } from './source';
import '../styles/lobby.css';

/** `/replay`: plays a downloaded replay file in the browser, with no server involved past this page. */
export default function ReplayFilePage() {
  const [source, setSource] = useState<ReplaySource | null>(null);
  const [error, setError] = useState<string | null>(null);

  if (source) return <ReplayScreen source={source} back={{ href: '/replay', label: 'Open another file' }} />;
  const open = async (file: File | undefined) => {
    if (!file) return;
    try {
      const parsed = ReplayBundle.safeParse(JSON.parse(await file.text()));
      if (!parsed.success) throw new Error('not a replay');
      setSource(bundleSource(parsed.data));
    } catch {
      setError(`${file.name} is not a Quorum replay file. Download one from a replay with “Download the replay file”.`);
    }
  };
  return (
    <div className="lobby">
      <TopBar />
      <main className="lobby__main">
        <section className="card">
          <h1>Open a replay file</h1>
          <p className="muted">A replay file holds a whole interview: it plays here without the room or its server. It stays on this computer.</p>
          <input type="file" accept="application/json,.json" data-testid="replay-file" onChange={(event) => void open(event.target.files?.[0])} />
          {error && (
            <p className="form-error" role="alert">
              {error}
            </p>
          )}
        </section>
      </main>
    </div>
  );
}
