import type { SoloItemView } from '@quorum/shared';
import { useEffect, useState } from 'react';
import { Markdown } from '../room/questions/Markdown';
import { DeliveryChart } from './DeliveryChart';
import { loadRecording, recordingKey } from './recording/recordings';

const levelNames = { 1: 'Weak', 2: 'Partial', 3: 'Solid', 4: 'Excellent' } as const;

/** Plays back the answer this browser recorded, if it still holds it. */
function Playback({ sessionId, index }: { sessionId: string; index: number }) {
  const [url, setUrl] = useState<{ src: string; video: boolean } | null>(null);
  useEffect(() => {
    let src: string | null = null;
    void loadRecording(recordingKey(sessionId, index)).then((recording) => {
      if (!recording) return;
      src = URL.createObjectURL(recording.blob);
      setUrl({ src, video: recording.video });
    });
    return () => {
      if (src) URL.revokeObjectURL(src);
    };
  }, [sessionId, index]);
  if (!url) return null;
  return url.video ? (
    <video className="solo-playback" src={url.src} controls data-testid="solo-playback" />
  ) : (
    <audio className="solo-playback" src={url.src} controls data-testid="solo-playback" />
  );
}

/** A spoken answer without a transcript: the person ticks the key points they made. */
function SelfCheck({ item, onCheck, onTranscribe }: { item: SoloItemView; onCheck: (covered: boolean[]) => void; onTranscribe: (() => void) | undefined }) {
  const points = item.reveal?.keyPoints ?? [];
  const [ticked, setTicked] = useState<boolean[]>(() => item.selfCheck ?? points.map(() => false));
  return (
    <section className="solo-selfcheck card" data-testid="solo-selfcheck">
      {onTranscribe && (
        <p>
          <button type="button" className="button" onClick={onTranscribe} data-testid="solo-transcribe">
            Transcribe and grade
          </button>{' '}
          <span className="muted small">Sends this recording to the transcription service your server is set up with.</span>
        </p>
      )}
      <h3>Which of these did you say?</h3>
      <p className="muted small">Listen back if you like, then tick each point you made clearly. Your verdict follows from what you tick.</p>
      <ul>
        {points.map((point, i) => (
          <li key={point}>
            <label>
              <input type="checkbox" checked={ticked[i] ?? false} onChange={(e) => setTicked(ticked.map((t, j) => (j === i ? e.target.checked : t)))} /> {point}
            </label>
          </li>
        ))}
      </ul>
      <button type="button" className="button button--primary" onClick={() => onCheck(ticked)} data-testid="solo-selfcheck-submit">
        Grade my answer
      </button>
    </section>
  );
}

/** The verdict of one answer: each criterion with its reason, the key points with their evidence, the model answer. */
interface Props {
  sessionId: string;
  index: number;
  item: SoloItemView;
  onSelfCheck: (covered: boolean[]) => void;
  /** Present when the server can transcribe: sends this browser's recording of the answer. */
  onTranscribe?: (() => void) | undefined;
}

export function ItemResult({ sessionId, index, item, onSelfCheck, onTranscribe }: Props) {
  const { grade, reveal } = item;
  const names = new Map(reveal?.criteria.map((c) => [c.id, c.name]));
  return (
    <div className="solo-result" data-testid="solo-result">
      {item.answerMode === 'spoken' && <Playback sessionId={sessionId} index={index} />}
      {item.delivery && <DeliveryChart delivery={item.delivery} />}
      {!grade && item.answerMode === 'spoken' && reveal && <SelfCheck item={item} onCheck={onSelfCheck} onTranscribe={onTranscribe} />}
      {grade && (
        <>
          <div className={`solo-verdict solo-verdict--${grade.verdict}`} data-testid="solo-verdict">
            <strong>{grade.verdict === 'pass' ? 'Pass' : 'Not yet'}</strong>
            <span>
              {Math.round(grade.score)} / 100 · level {grade.level} ({levelNames[grade.level]}) · pass mark {grade.target.passScore} for {grade.target.level}
            </span>
            <span className="muted small">{grade.grader === 'model' ? 'Graded by the configured model' : 'Graded by Quorum’s rubric grader'}</span>
          </div>
          <ul className="solo-feedback">
            {grade.feedback.map((line) => (
              <li key={line}>{line}</li>
            ))}
          </ul>
          <h3>By criterion</h3>
          <ul className="solo-criteria">
            {grade.criteria.map((c) => (
              <li key={c.id} data-testid={`solo-criterion-${c.id}`}>
                <span className={`solo-level solo-level--${c.level}`}>{c.level}</span>
                <div>
                  <strong>{names.get(c.id) ?? c.id}</strong>
                  <p className="muted small">{c.reason}</p>
                </div>
              </li>
            ))}
          </ul>
          <h3>Key points</h3>
          <ul className="solo-keypoints">
            {grade.keyPoints.map((k) => (
              <li key={k.point} className={k.covered ? 'solo-keypoint solo-keypoint--made' : 'solo-keypoint'} data-covered={k.covered}>
                <span aria-hidden="true">{k.covered ? '✓' : '○'}</span>
                <div>
                  <p>{k.point}</p>
                  {k.evidence && <blockquote className="small">“{k.evidence}”</blockquote>}
                </div>
              </li>
            ))}
          </ul>
        </>
      )}
      {reveal && (
        <details className="solo-model" open={grade !== null}>
          <summary>Model answer</summary>
          <Markdown source={reveal.modelAnswer} testId="solo-model-answer" />
        </details>
      )}
    </div>
  );
}
