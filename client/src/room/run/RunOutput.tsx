import { runVerdict } from '@quorum/shared';
import type { CaseResult, CodeRun } from '@quorum/shared';
import { languageSupport } from '../editor/languages';

const kindLabel: Record<CodeRun['kind'], string> = { run: 'Run', tests: 'Tests', hidden: 'Hidden tests' };

const tone = (run: CodeRun) =>
  run.status === 'timeout' || run.status === 'error' || run.results?.some((result) => !result.passed) ? 'bad' : 'good';

const json = (value: unknown) => JSON.stringify(value);

export function RunOutput({ run }: { run: CodeRun }) {
  return (
    <div className="run-output" data-testid="run-output" data-status={run.status} data-kind={run.kind}>
      <div className="run-output__head">
        <span className={`run-status run-status--${tone(run)}`} data-testid="run-summary">
          {runVerdict(run)}
        </span>
        <span className="muted small">
          {kindLabel[run.kind]} · {languageSupport[run.language].label} · {run.by.name} · {run.durationMs} ms ·{' '}
          {new Date(run.at).toLocaleTimeString()}
        </span>
        {run.kind === 'hidden' && <span className="pill">Interviewer and observers only</span>}
      </div>
      {run.results && <CaseTable results={run.results} />}
      {run.results === null && run.kind !== 'run' && run.status !== 'unsupported' && (
        <p className="muted small">The tests did not report: the program stopped before they finished.</p>
      )}
      <Stream label="Output" text={run.stdout} testId="run-stdout" />
      <Stream label="Errors" text={run.stderr} testId="run-stderr" error />
      {run.truncated && <p className="muted small">Output was cut at 64 KB.</p>}
    </div>
  );
}

function CaseTable({ results }: { results: CaseResult[] }) {
  return (
    <table className="run-cases" data-testid="run-cases">
      <thead>
        <tr>
          <th scope="col">Case</th>
          <th scope="col">Expected</th>
          <th scope="col">Actual</th>
        </tr>
      </thead>
      <tbody>
        {results.map((result) => (
          <tr key={result.name} data-passed={result.passed} data-testid="run-case">
            <td>
              <span aria-label={result.passed ? 'passed' : 'failed'} className={`run-mark run-mark--${result.passed ? 'good' : 'bad'}`}>
                {result.passed ? '✓' : '✗'}
              </span>{' '}
              {result.name}
            </td>
            <td>
              <code>{json(result.expected)}</code>
            </td>
            <td>{result.error ? <code className="run-error">{result.error}</code> : <code>{json(result.actual)}</code>}</td>
          </tr>
        ))}
      </tbody>
    </table>
  );
}

function Stream({ label, text, testId, error = false }: { label: string; text: string; testId: string; error?: boolean }) {
  if (!text) return null;
  return (
    <section className="run-stream">
      <h4 className="run-stream__label">{label}</h4>
      <pre className={`run-stream__text${error ? ' run-stream__text--error' : ''}`} data-testid={testId}>
        {text}
      </pre>
    </section>
  );
}
