import type { HistoryEntry } from '@quorum/shared';
import { useMemo, useState } from 'react';
import { roleLabel } from '../room/roleLabels';
import { FirstInterviewBars } from './FirstInterviewBars';
import { TopicChart } from './TopicChart';
import { MAX_TOPICS, timeline, topicsByFrequency, type HistoryRole } from './topicSeries';

const palette = ['#2563eb', '#16a34a', '#d97706', '#9333ea', '#dc2626', '#0891b2'];
const OVERALL_COLOR = '#64748b';
const roles: HistoryRole[] = ['candidate', 'interviewer'];

/** How scores per topic move over time, for one role at a time, with a picker for the topics shown. */
export function ScoreTrends({ entries }: { entries: HistoryEntry[] }) {
  // The candidate's view first, unless this browser has only ever interviewed.
  const [role, setRole] = useState<HistoryRole>(() =>
    entries.some((entry) => entry.role === 'candidate') || !entries.some((entry) => entry.role === 'interviewer') ? 'candidate' : 'interviewer',
  );
  const ordered = useMemo(() => timeline(entries, role), [entries, role]);
  const topics = useMemo(() => topicsByFrequency(ordered), [ordered]);
  // A colour per slot, so a line keeps its colour while others come and go; null until the person
  // picks, which shows the most frequent topics.
  const [picked, setPicked] = useState<(string | null)[] | null>(null);
  const slots = picked ?? topics.slice(0, MAX_TOPICS);
  const shown = slots.filter((topic): topic is string => topic !== null);
  const colorOf = (topic: string) => palette[slots.indexOf(topic)] ?? OVERALL_COLOR;
  const scored = ordered.filter((entry) => entry.overall !== null);

  const toggle = (topic: string) => {
    const next = [...slots];
    const at = next.indexOf(topic);
    const free = next.indexOf(null);
    if (at >= 0) next[at] = null;
    else if (free >= 0) next[free] = topic;
    else next.push(topic);
    setPicked(next);
  };

  return (
    <section className="card history-trends" aria-labelledby="trends-heading">
      <div className="history-trends__head">
        <h2 id="trends-heading">Scores over time</h2>
        <div className="segmented" role="group" aria-label="Whose scores">
          {roles.map((option) => (
            <button
              key={option}
              type="button"
              className="segmented__option"
              aria-pressed={role === option}
              data-testid={`history-role-${option}`}
              onClick={() => {
                setRole(option);
                setPicked(null);
              }}
            >
              As {roleLabel[option].toLowerCase()} ({entries.filter((entry) => entry.role === option).length})
            </button>
          ))}
        </div>
      </div>
      <p className="muted small">
        {role === 'candidate'
          ? 'Your scores per topic, as your interviewers released them. A topic is a question tag; its score is the mean of the questions that carried it.'
          : 'The scores you gave, per topic: how the people you interviewed did.'}
      </p>
      {scored.length === 0 ? (
        <p className="empty" data-testid="trends-empty">
          {role === 'candidate' ? 'No released scores yet. They appear here once an interviewer shares feedback.' : 'No scorecards yet.'}
        </p>
      ) : (
        <>
          {scored.length === 1 && scored[0] ? (
            <FirstInterviewBars entry={scored[0]} lines={shown.map((topic) => ({ topic, color: colorOf(topic) }))} overallColor={OVERALL_COLOR} />
          ) : (
            <TopicChart entries={scored} lines={shown.map((topic) => ({ topic, color: colorOf(topic) }))} overallColor={OVERALL_COLOR} />
          )}
          <fieldset className="topic-picker" data-testid="topic-picker">
            <legend className="field__label">Lines: the overall score and up to {MAX_TOPICS} topics</legend>
            <span className="topic-picker__option topic-picker__option--fixed">
              <span className="topic-picker__swatch topic-picker__swatch--overall" style={{ borderTopColor: OVERALL_COLOR }} aria-hidden="true" />
              overall
            </span>
            {topics.map((topic) => {
              const checked = shown.includes(topic);
              return (
                <label key={topic} className="topic-picker__option" data-checked={checked}>
                  <input
                    type="checkbox"
                    checked={checked}
                    disabled={!checked && shown.length >= MAX_TOPICS}
                    onChange={() => toggle(topic)}
                  />
                  <span className="topic-picker__swatch" style={{ background: checked ? colorOf(topic) : undefined }} aria-hidden="true" />
                  {topic}
                </label>
              );
            })}
          </fieldset>
        </>
      )}
    </section>
  );
}
