import { soloModes, type SoloSessionView } from '@quorum/shared';
import { useCallback, useState } from 'react';
import { Markdown } from '../room/questions/Markdown';
import { AnswerEditor } from './AnswerEditor';
import { ItemResult } from './ItemResult';
import { SessionSummary } from './SessionSummary';
import { loadRecording, recordingKey } from './recording/recordings';
import { SoloClock } from './SoloClock';
import { soloApi, type Fetched } from './soloApi';
import { SpokenAnswer } from './SpokenAnswer';

interface Props {
  session: SoloSessionView;
  offset: number;
  failure: string | null;
  run: (request: () => Promise<Fetched>) => Promise<boolean>;
}

/** One question at a time: start its clock, answer, see the verdict, go on; the result at the end. */
export function SessionRun({ session, offset, failure, run }: Props) {
  const current = session.items.findIndex((item) => item.lockedAt === null);
  // The answer just locked stays on screen with its verdict until the person moves on.
  const [showing, setShowing] = useState<number | null>(null);
  const index = showing ?? (current === -1 ? null : current);
  const item = index === null ? null : session.items[index];
  const id = session.id;

  const refresh = useCallback(() => void run(() => soloApi.get(id)), [run, id]);
  const save = useCallback((answer: string) => (index === null ? Promise.resolve(false) : run(() => soloApi.save(id, index, answer))), [run, id, index]);
  const submit = async () => {
    if (index === null) return;
    setShowing(index);
    await run(() => soloApi.submit(id, index));
  };
  const finishSpoken = async (delivery: Parameters<typeof soloApi.delivery>[2] | null) => {
    if (index === null) return;
    setShowing(index);
    if (delivery) await run(() => soloApi.delivery(id, index, delivery));
    await run(() => soloApi.submit(id, index));
  };

  const transcribe = (i: number) =>
    session.canTranscribe
      ? () =>
          void run(async () => {
            const recording = await loadRecording(recordingKey(id, i));
            if (!recording) throw new Error('This browser no longer holds the recording of that answer.');
            return soloApi.transcribe(id, i, recording.blob);
          })
      : undefined;

  return (
    <div className="solo-run" data-testid="solo-run">
      <header className="solo-run__head">
        <div>
          <p className="muted small">
            {soloModes[session.mode].label} · {session.track} · {session.level}
          </p>
          <h1>{item ? `Question ${(index ?? 0) + 1} of ${session.items.length}` : 'Your result'}</h1>
        </div>
        {item && item.lockedAt === null && item.startedAt !== null && <SoloClock item={item} offset={offset} onLocked={refresh} />}
      </header>
      {failure && (
        <p className="form-error" role="alert">
          {failure}
        </p>
      )}

      {item && index !== null && item.startedAt === null && (
        <section className="card solo-start">
          <h2>{item.title}</h2>
          <p className="muted">
            {Math.round(item.durationMs / 60_000)} minutes. The clock starts when you open the question; when it runs out, your answer locks and is graded.
          </p>
          <button type="button" className="button button--primary" data-testid="solo-start" onClick={() => void run(() => soloApi.start(id, index))}>
            Open the question
          </button>
        </section>
      )}

      {item && index !== null && item.startedAt !== null && (
        <section className="card solo-question">
          <h2>{item.title}</h2>
          <Markdown source={item.prompt} testId="solo-prompt" />
          {item.answerMode === 'typed' ? (
            <AnswerEditor key={`${id}/${index}`} sessionId={id} index={index} serverAnswer={item.answer} locked={item.lockedAt !== null} save={save} />
          ) : (
            <SpokenAnswer key={`${id}/${index}`} sessionId={id} index={index} locked={item.lockedAt !== null} onFinished={(d) => void finishSpoken(d)} />
          )}
          {item.lockedAt === null && item.answerMode === 'typed' && (
            <button type="button" className="button button--primary" data-testid="solo-submit" onClick={() => void submit()}>
              Submit answer
            </button>
          )}
          {item.lockedAt !== null && (
            <>
              <ItemResult sessionId={id} index={index} item={item} onSelfCheck={(covered) => void run(() => soloApi.selfCheck(id, index, covered))} onTranscribe={transcribe(index)} />
              {(item.grade !== null || item.answerMode === 'typed') && (
                <button type="button" className="button button--primary" data-testid="solo-next" onClick={() => setShowing(null)}>
                  {current === -1 ? 'See the result' : 'Next question'}
                </button>
              )}
            </>
          )}
        </section>
      )}

      {!item && (
        <>
          <SessionSummary session={session} />
          {session.items.map((done, i) => (
            <details key={done.questionId} className="card solo-review" data-testid="solo-review">
              <summary>
                {i + 1}. {done.title} — {done.grade ? `${done.grade.verdict === 'pass' ? 'pass' : 'not yet'}, ${Math.round(done.grade.score)}` : 'not graded'}
              </summary>
              <ItemResult sessionId={id} index={i} item={done} onSelfCheck={(covered) => void run(() => soloApi.selfCheck(id, i, covered))} onTranscribe={transcribe(i)} />
            </details>
          ))}
          <a className="button" href="/solo">
            Practise again
          </a>
        </>
      )}
    </div>
  );
}
