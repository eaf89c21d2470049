import type { CandidateLevel, Question, ScoreLevel } from '../bank.js';
import { normalizeText } from '../phrases.js';
import type { CriterionGrade, GradeResult } from '../practice.js';
import { criteriaOfKeyPoints } from './criteria.js';
import { matchKeyPoint, prepareKeyPoint, sentenceStrength, type KeyPointMatch, type PreparedKeyPoint } from './keypoints.js';
import { functionWordShare } from './language.js';
import { fitOf, type Corpus } from './relevance.js';
import { splitSentences, type Sentence } from './sentences.js';

/** Grades written answers to one question; made once per question and reused for every answer. */
export interface QuestionGrader {
  readonly question: Question;
  grade(answer: string, target?: CandidateLevel): GradeResult;
  /**
   * The grade of a spoken answer without a transcript: the person ticks the key points they made
   * (by index), and the rubric maths is the same as for a written answer.
   */
  gradeSelfCheck(covered: readonly boolean[], target?: CandidateLevel): GradeResult;
}

const trigrams = (words: readonly string[]) => {
  const grams = new Set<string>();
  for (let i = 0; i + 3 <= words.length; i += 1) grams.add(words.slice(i, i + 3).join(' '));
  return grams;
};

/** A sentence mostly lifted from the prompt says nothing of the candidate's own. */
function isEcho(sentence: Sentence, promptGrams: ReadonlySet<string>): boolean {
  const grams = trigrams(sentence.words);
  if (grams.size === 0) return false;
  let copied = 0;
  for (const gram of grams) if (promptGrams.has(gram)) copied += 1;
  return copied / grams.size >= 0.5;
}

const levelOf = (score: number): ScoreLevel => Math.min(4, Math.max(1, Math.round(1 + (3 * score) / 100))) as ScoreLevel;

const clip = (text: string, most = 300) => (text.length <= most ? text : `${text.slice(0, most - 1).trimEnd()}…`);

function criterionReason(points: readonly PreparedKeyPoint[], matches: readonly KeyPointMatch[], owned: readonly number[]): string {
  if (owned.length === 0) return 'Judged on the answer as a whole: no key point belongs to this criterion alone.';
  const made = owned.filter((k) => (matches[k]?.credit ?? 0) > 0);
  const missed = owned.filter((k) => (matches[k]?.credit ?? 0) === 0);
  const list = (ks: readonly number[]) => ks.map((k) => `“${clip(points[k]?.point ?? '', 90)}”`).join('; ');
  const parts = [`Made ${made.length} of ${owned.length} key points behind this criterion.`];
  if (missed.length > 0) parts.push(`Missing: ${list(missed)}.`);
  return parts.join(' ');
}

/**
 * The deterministic grader: key points found as whole-word signals in sentences that reason, not
 * dismissed, not lifted from the prompt; each criterion's level follows the share of its key points
 * made, and the score is the scorecard's weighted mean of those levels.
 */
export function prepareGrader(question: Question, corpus: Corpus): QuestionGrader {
  const points = question.keyPoints.map(prepareKeyPoint);
  const owned = criteriaOfKeyPoints(question.rubric, points);
  const promptGrams = trigrams(normalizeText(`${question.title}\n${question.prompt}`).trim().split(' '));

  const resultOf = (matches: readonly KeyPointMatch[], factor: number, target: CandidateLevel, feedback: string[]): GradeResult => {
    const overall = matches.reduce((sum, m) => sum + m.credit, 0) / Math.max(1, matches.length);
    let weighted = 0;
    let weights = 0;
    const criteria: CriterionGrade[] = question.rubric.map((criterion, c) => {
      const mine = owned[c] ?? [];
      const share = mine.length > 0 ? mine.reduce((sum, k) => sum + (matches[k]?.credit ?? 0), 0) / mine.length : overall;
      const continuous = 1 + 3 * Math.min(1, share * factor);
      weighted += criterion.weight * ((continuous - 1) / 3);
      weights += criterion.weight;
      return { id: criterion.id, level: Math.round(continuous) as ScoreLevel, reason: criterionReason(points, matches, mine) };
    });
    const score = Math.round((weights === 0 ? 0 : (weighted / weights) * 100) * 10) / 10;
    const passScore = question.levelExpectations[target].passScore;
    return {
      questionId: question.id,
      verdict: score >= passScore ? 'pass' : 'fail',
      score,
      level: levelOf(score),
      target: { level: target, passScore },
      criteria,
      keyPoints: matches.map((m, k) => ({ point: points[k]?.point ?? '', covered: m.credit > 0, evidence: m.evidence ? clip(m.evidence.text) : null })),
      feedback,
      grader: 'deterministic',
      fallbackReason: null,
    };
  };

  return {
    question,
    grade(answer, target = 'senior') {
      const all = splitSentences(answer);
      const sentences = all.filter((s) => !isEcho(s, promptGrams));
      const words = sentences.flatMap((s) => s.words);
      const strengths = new Map(sentences.map((s) => [s, sentenceStrength(s, points)] as const));
      const matches = points.map((p) => matchKeyPoint(p, sentences, (s) => strengths.get(s) ?? 0));
      // Prose of a few words, or a list of terms with no sentence around them, cannot show reasoning.
      const brevity = words.length < 25 ? 0.5 : words.length < 50 ? 0.8 : 1;
      const prose = Math.max(0, Math.min(1, (functionWordShare(words) - 0.1) / 0.15));
      // An answer with little of this question's language, or that fits another question clearly
      // better, is about something else.
      const fit = fitOf(sentences.map((s) => s.text).join('\n'), question, corpus);
      const ratio = fit.bestOther === 0 ? 1 : fit.own / fit.bestOther;
      const onTopic = Math.max(0, Math.min(1, (fit.own - 0.15) / 0.2)) * Math.max(0, Math.min(1, (ratio - 0.75) / 0.2));

      const factor = brevity * prose * onTopic;
      return resultOf(matches, factor, target, feedbackFor({ all, sentences, words, matches, points, brevity, prose, onTopic }));
    },
    gradeSelfCheck(covered, target = 'senior') {
      const matches = points.map((_, k) => ({ credit: covered[k] ? 1 : 0, evidence: null, dismissed: [] }));
      const made = matches.filter((m) => m.credit > 0).length;
      const advice = [`By your own check you made ${made} of ${points.length} key points. Record the next answer with transcription on to get each one's evidence.`];
      return resultOf(matches, 1, target, advice);
    },
  };
}

interface FeedbackInput {
  all: readonly Sentence[];
  sentences: readonly Sentence[];
  words: readonly string[];
  matches: readonly KeyPointMatch[];
  points: readonly PreparedKeyPoint[];
  brevity: number;
  prose: number;
  onTopic: number;
}

/** Plain advice, most important first. */
function feedbackFor({ all, sentences, words, matches, points, brevity, prose, onTopic }: FeedbackInput): string[] {
  const advice: string[] = [];
  if (onTopic < 1) advice.push('Much of the answer is about something other than this question. Reread the prompt and answer what it asks.');
  const echoed = all.length - sentences.length;
  if (echoed > 0) advice.push(`${echoed === 1 ? 'One sentence restates' : `${echoed} sentences restate`} the question; restating earns nothing, so spend the time on your own reasoning.`);
  if (prose < 1) advice.push('The answer reads as a list of terms. Say what each one does here and why it matters: a term without its reason shows no understanding.');
  if (brevity < 1) advice.push(`At ${words.length} words the answer is too short to show the reasoning this question needs.`);
  const dismissed = matches.flatMap((m) => m.dismissed);
  if (dismissed.length > 0) advice.push(`You set aside ${[...new Set(dismissed)].map((d) => `“${d}”`).join(', ')}; the question turns on that, so explain why it is needed rather than why it is not.`);
  const missed = matches.map((m, k) => (m.credit === 0 ? points[k]?.point : undefined)).filter((p): p is string => p !== undefined);
  if (missed.length > 0 && missed.length < matches.length) advice.push(`Not yet made: ${missed.length} of ${matches.length} key points — see them below with the model answer.`);
  if (missed.length === matches.length && matches.length > 0) advice.push('None of the key points came through. Read the model answer, then try the question again in your own words.');
  if (advice.length === 0) advice.push('Every key point is there, each with its reason. Next time, add the trade-offs and failure cases an interviewer would ask about.');
  return advice;
}
