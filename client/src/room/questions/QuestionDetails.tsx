import type { ReactNode } from 'react';
import type { Question, RoomQuestion } from '@quorum/shared';
import { topicLabels, type Topic } from '@quorum/shared';
import { difficultyLabel, typeLabel } from './labels';
import { Markdown } from './Markdown';

type Detailed = Question | RoomQuestion;

/** Everything an interviewer sees of a question: prompt, rubric and the answer key. */
/** Past this length a folded prompt says so; the rubric below it should not be a long scroll away. */
const LONG_PROMPT_CHARS = 600;

export function QuestionDetails({ question, revealedHints, foldPrompt = false }: { question: Detailed; revealedHints?: number; foldPrompt?: boolean }) {
  const folded = foldPrompt && question.prompt.length > LONG_PROMPT_CHARS;
  return (
    <article className="question-details" data-testid="question-details" aria-label={question.title}>
      <QuestionMeta question={question} />
      {folded ? (
        <Section title={`Prompt, as the candidate sees it (${Math.round(question.prompt.length / 100) / 10}k characters)`}>
          <Markdown source={question.prompt} testId="question-prompt" />
        </Section>
      ) : (
        <Markdown source={question.prompt} testId="question-prompt" />
      )}
      {question.rubric.length > 0 && (
        <Section title="Rubric" open>
          <ul className="rubric">
            {question.rubric.map((criterion) => (
              <li key={criterion.id} className="rubric__criterion">
                <div className="rubric__head">
                  <strong>{criterion.name}</strong>
                  <span className="pill">weight {criterion.weight}</span>
                </div>
                <p className="muted">{criterion.description}</p>
                <ol className="rubric__levels">
                  {([1, 2, 3, 4] as const).map((level) => (
                    <li key={level}>
                      <span className={`level level--${level}`}>{level}</span>
                      <span>{criterion.levels[level]}</span>
                    </li>
                  ))}
                </ol>
              </li>
            ))}
          </ul>
        </Section>
      )}
      {question.keyPoints.length > 0 && (
        <Section title="Key points">
          <ul className="plain-list">
            {question.keyPoints.map((keyPoint) => (
              <li key={keyPoint.point}>
                {keyPoint.point}
                <span className="signals">
                  {keyPoint.signals.map((signal) => (
                    <span key={signal} className="tag">
                      {signal}
                    </span>
                  ))}
                </span>
              </li>
            ))}
          </ul>
        </Section>
      )}
      {question.hints.length > 0 && (
        <Section title="Hints">
          <ol className="plain-list">
            {question.hints.map((hint, index) => (
              <li key={index} data-revealed={revealedHints !== undefined && index < revealedHints}>
                {hint}
                {revealedHints !== undefined && index < revealedHints && <span className="pill pill--green">shown</span>}
              </li>
            ))}
          </ol>
        </Section>
      )}
      <ListSection title="Follow-ups" items={question.followUps} />
      <ListSection title="Red flags" items={question.redFlags} />
      {question.references.length > 0 && (
        <Section title="References">
          <ul className="plain-list">
            {question.references.map((reference) => (
              <li key={reference.title}>
                {reference.url ? (
                  <a href={reference.url} target="_blank" rel="noopener noreferrer">
                    {reference.title}
                  </a>
                ) : (
                  reference.title
                )}
                {reference.kind && <span className="muted small"> · {reference.kind}</span>}
              </li>
            ))}
          </ul>
        </Section>
      )}
    </article>
  );
}

/** A question's type, level, time and topics; custom questions have no topic and show their tags. */
export function QuestionMeta({ question }: { question: Pick<Detailed, 'type' | 'difficulty' | 'tags' | 'timeLimitMinutes'> & { topics?: readonly Topic[] } }) {
  const topics = question.topics ?? [];
  return (
    <div className="question-meta">
      <span className="pill">{typeLabel[question.type]}</span>
      {question.difficulty && <span className="pill">{difficultyLabel[question.difficulty]}</span>}
      <span className="pill">{question.timeLimitMinutes} min</span>
      {topics.length > 0
        ? topics.map((topic) => (
            <span key={topic} className="tag">
              {topicLabels[topic]}
            </span>
          ))
        : question.tags.map((tag) => (
            <span key={tag} className="tag">
              {tag}
            </span>
          ))}
    </div>
  );
}

function Section({ title, open, children }: { title: string; open?: boolean; children: ReactNode }) {
  return (
    <details className="section" open={open}>
      <summary>{title}</summary>
      {children}
    </details>
  );
}

function ListSection({ title, items }: { title: string; items: string[] }) {
  if (items.length === 0) return null;
  return (
    <Section title={title}>
      <ul className="plain-list">
        {items.map((item) => (
          <li key={item}>{item}</li>
        ))}
      </ul>
    </Section>
  );
}
