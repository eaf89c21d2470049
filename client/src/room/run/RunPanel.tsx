import { DocKeys, runVerdict, seesPrivate, testsFor } from '@quorum/shared';
import type { CodeLanguage, CodeRun, RunKind, RunOutcome } from '@quorum/shared';
import { useRef, useState } from 'react';
import type { SharedDoc } from '../../sync/roomDocs';
import type { RoomSession, SessionSnapshot, Self } from '../../sync/roomSession';
import { languageSupport } from '../editor/languages';
import { useLanguage } from '../editor/useLanguage';
import { currentKit, hasHiddenTests, kitLanguage } from './currentKit';
import { RunOutput } from './RunOutput';
import { runsInBrowser, type RunProgress, type RunningCode } from './runner';
import { useCodeRunner } from './useCodeRunner';
import '../../styles/run.css';

interface Props {
  session: RoomSession;
  snapshot: SessionSnapshot;
  self: Self;
  shared: SharedDoc;
  readOnly: boolean;
}

/**
 * Run and Run tests: the code runs here, in this browser, and its outcome is shared with the room,
 * so everyone sees the same output whoever pressed the button.
 */
export function RunPanel({ session, snapshot, self, shared, readOnly }: Props) {
  const runner = useCodeRunner();
  const language = useLanguage(shared);
  const [progress, setProgress] = useState<RunProgress | null>(null);
  const [problem, setProblem] = useState<string | null>(null);
  const [local, setLocal] = useState<RunOutcome | null>(null);
  const [selectedId, setSelectedId] = useState<string | null>(null);
  const running = useRef<RunningCode | null>(null);
  const current = currentKit(snapshot.view);
  const kitLang = kitLanguage(language);
  const runs = snapshot.runs;
  const shown: CodeRun | null = (selectedId && runs.find((run) => run.id === selectedId)) || runs.at(-1) || null;
  const supported = runsInBrowser(language);
  const busy = progress !== null;

  const start = async (kind: RunKind) => {
    if (busy) return;
    setProblem(null);
    setLocal(null);
    const kit = current?.kit;
    const cases = kit && kitLang ? testsFor(kind, kit) : [];
    const solution = shared.doc.getText(DocKeys.codeText).toString();
    setProgress({ phase: 'loading', loaded: 0, total: 0 });
    const handle = runner.run({ kind, language, askedId: kind === 'run' ? null : (current?.askedId ?? null), solution, cases }, setProgress);
    running.current = handle;
    const outcome = await handle.outcome;
    running.current = null;
    setProgress(null);
    if (outcome.status === 'unsupported') {
      setLocal(outcome);
      return;
    }
    const published = await session.publishRun(outcome);
    if (published.ok) setSelectedId(null);
    else setProblem(`The run finished but could not be shared: ${published.error.message}`);
  };

  const starter = current && kitLang ? current.kit.starter[kitLang] : null;
  const editorEmpty = shared.doc.getText(DocKeys.codeText).length === 0;

  return (
    <section className="run-panel" aria-label="Run code" data-testid="run-panel">
      <div className="run-panel__toolbar">
        <button type="button" className="button button--primary button--small" data-testid="run-code" disabled={busy} onClick={() => void start('run')}>
          Run
        </button>
        {current && (
          <button type="button" className="button button--secondary button--small" data-testid="run-tests" disabled={busy} onClick={() => void start('tests')}>
            Run tests ({current.kit.visibleTests.length})
          </button>
        )}
        {current && seesPrivate(self.role) && hasHiddenTests(current.kit) && (
          <button type="button" className="button button--ghost button--small" data-testid="run-hidden-tests" disabled={busy} onClick={() => void start('hidden')}>
            Run hidden tests ({current.kit.hiddenTests.length})
          </button>
        )}
        {busy && (
          <button type="button" className="button button--danger button--small" data-testid="run-stop" onClick={() => running.current?.stop()}>
            Stop
          </button>
        )}
        {starter && editorEmpty && !readOnly && (
          <button
            type="button"
            className="button button--ghost button--small"
            data-testid="insert-starter"
            onClick={() => shared.doc.transact(() => shared.doc.getText(DocKeys.codeText).insert(0, starter))}
          >
            Insert starter code
          </button>
        )}
        <span className="muted small run-panel__hint">
          {supported
            ? `${languageSupport[language].label} runs in your browser; everyone in the room sees the result.`
            : `${languageSupport[language].label} does not run in the browser; Python, JavaScript and TypeScript do.`}
        </span>
      </div>
      {progress && <ProgressLine progress={progress} language={language} />}
      {problem && (
        <p className="run-panel__problem" role="alert">
          {problem}
        </p>
      )}
      {local && (
        <p className="run-panel__problem" role="status" data-testid="run-unsupported">
          {local.stderr}
        </p>
      )}
      {runs.length > 1 && (
        <div className="run-history" role="list" aria-label="Recent runs">
          {runs
            .slice()
            .reverse()
            .map((run) => (
              <button
                key={run.id}
                type="button"
                role="listitem"
                className="run-history__item"
                aria-current={run.id === shown?.id}
                onClick={() => setSelectedId(run.id)}
              >
                {runVerdict(run)} · {run.kind === 'hidden' ? 'hidden · ' : ''}
                {languageSupport[run.language].label} · {run.by.name}
              </button>
            ))}
        </div>
      )}
      {shown ? <RunOutput run={shown} /> : !progress && <p className="muted small run-panel__empty">No runs yet. Output and test results appear here for everyone.</p>}
    </section>
  );
}

function ProgressLine({ progress, language }: { progress: RunProgress; language: CodeLanguage }) {
  if (progress.phase === 'running') {
    return (
      <div className="run-progress" data-testid="run-progress" data-phase="running">
        <span className="small">Running…</span>
      </div>
    );
  }
  const known = progress.total > 0;
  const percent = known ? Math.round((progress.loaded / progress.total) * 100) : undefined;
  return (
    <div className="run-progress" data-testid="run-progress" data-phase="loading">
      <span className="small">
        Loading the {languageSupport[language].label} runtime{known ? ` · ${(progress.loaded / 1e6).toFixed(1)} of ${(progress.total / 1e6).toFixed(1)} MB` : '…'}
      </span>
      <progress max={100} value={percent} aria-label="Runtime download" />
    </div>
  );
}
