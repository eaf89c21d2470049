import { CandidateLevel, soloModes, topicLabels, type SoloMode, type Topic, type Track, type WeakTopic } from '@quorum/shared';
import { useEffect, useState } from 'react';
import { ChoiceGroup } from '../practice/ChoiceGroup';
import { trackOptions } from '../lobby/tracks';
import { navigate } from '../routing';
import { soloApi } from './soloApi';

/** Choose a mode, a track, a level and how to answer; the weakest topics come back here first. */
export function ModePicker() {
  const [mode, setMode] = useState<SoloMode>('quick-fire');
  const [track, setTrack] = useState<Track>('concepts');
  const [level, setLevel] = useState<CandidateLevel>('senior');
  const [answerMode, setAnswerMode] = useState<'typed' | 'spoken'>('typed');
  const [weakest, setWeakest] = useState<WeakTopic[]>([]);
  const [busy, setBusy] = useState(false);
  const [error, setError] = useState<string | null>(null);

  useEffect(() => {
    const controller = new AbortController();
    soloApi.weakest(controller.signal).then(setWeakest, () => setWeakest([]));
    return () => controller.abort();
  }, []);

  const begin = async (topics: Topic[] = []) => {
    setBusy(true);
    setError(null);
    try {
      const { session } = await soloApi.create({ mode, track, level, answerMode, topics });
      navigate(`/solo/${session.id}`);
    } catch (e) {
      setError(e instanceof Error ? e.message : 'Could not start the session.');
      setBusy(false);
    }
  };
  const due = weakest.filter((w) => w.dueAt <= Date.now()).slice(0, 3);

  return (
    <div className="solo-picker">
      <section className="card">
        <h2>Practise alone</h2>
        <ChoiceGroup
          legend="Mode"
          name="solo-mode"
          layout="cards"
          value={mode}
          onChange={setMode}
          choices={(Object.keys(soloModes) as SoloMode[]).map((m) => ({ value: m, title: soloModes[m].label, note: soloModes[m].description }))}
        />
        <ChoiceGroup
          legend="Track"
          name="solo-track"
          layout="segmented"
          value={track}
          onChange={setTrack}
          choices={(Object.keys(trackOptions) as Track[]).map((t) => ({ value: t, title: trackOptions[t].label }))}
          hint={mode === 'deep' ? trackOptions[track].description : 'Quick-fire and assessments ask short-answer questions of the track.'}
        />
        <ChoiceGroup legend="Level" name="solo-level" layout="segmented" value={level} onChange={setLevel} choices={CandidateLevel.options.map((l) => ({ value: l, title: l[0]!.toUpperCase() + l.slice(1) }))} />
        <ChoiceGroup
          legend="Answer by"
          name="solo-answer-mode"
          layout="segmented"
          value={answerMode}
          onChange={setAnswerMode}
          choices={[
            { value: 'typed', title: 'Typing' },
            { value: 'spoken', title: 'Speaking' },
          ]}
          hint={answerMode === 'spoken' ? 'Your microphone (and camera, if you turn it on) records in this browser only; you get delivery feedback and check your answer against the key points.' : undefined}
        />
        {error && (
          <p className="form-error" role="alert">
            {error}
          </p>
        )}
        <button type="button" className="button button--primary" disabled={busy} onClick={() => void begin()} data-testid="solo-begin">
          {busy ? 'Preparing…' : `Start ${soloModes[mode].label.toLowerCase()}`}
        </button>
      </section>
      {weakest.length > 0 && (
        <section className="card solo-weakest" data-testid="solo-weakest">
          <h2>Your weakest topics</h2>
          <ul>
            {weakest.slice(0, 5).map((w) => (
              <li key={w.topic}>
                {topicLabels[w.topic]} — {Math.round(w.score)} / 100 {w.dueAt <= Date.now() ? '· due now' : ''}
              </li>
            ))}
          </ul>
          <button type="button" className="button" disabled={busy || due.length === 0} onClick={() => void begin(due.map((w) => w.topic))} data-testid="solo-weakest-start">
            Practise my weakest topics
          </button>
        </section>
      )}
    </div>
  );
}
