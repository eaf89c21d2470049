import { ScoreLevel, type CandidateLevel, type GradeResult, type Question } from '@quorum/shared';
import OpenAI from 'openai';
import { z } from 'zod';

/** Where an OpenAI-compatible chat-completions server is (Ollama, vLLM, llama.cpp), and how long to wait. */
export interface ModelGraderConfig {
  baseUrl: string;
  model: string;
  apiKey: string | undefined;
  timeoutMs: number;
}

/** What the model must answer: a level and reason per criterion, and which key points the answer made. */
const ModelOutput = z.object({
  criteria: z.array(z.object({ id: z.string(), level: ScoreLevel, reason: z.string().max(2_000) })),
  keyPoints: z.array(z.object({ index: z.number().int().min(0), covered: z.boolean(), evidence: z.string().max(2_000).nullable().optional() })),
  feedback: z.array(z.string().max(2_000)).max(10).default([]),
});

export class ModelGradeError extends Error {
  override name = 'ModelGradeError';
}

function instructions(question: Question): string {
  const rubric = question.rubric
    .map((c) => `- id "${c.id}" (${c.name}, weight ${c.weight}): ${c.description}\n${Object.entries(c.levels).map(([l, text]) => `    level ${l}: ${text}`).join('\n')}`)
    .join('\n');
  const points = question.keyPoints.map((k, i) => `${i}. ${k.point}`).join('\n');
  return [
    'You grade a written answer to a distributed-systems interview question. Judge only what the answer states;',
    'an answer that names a concept only to dismiss it, states facts wrongly, or answers another question earns nothing for it.',
    `Question:\n${question.prompt}`,
    `Rubric criteria:\n${rubric}`,
    `Key points (by index):\n${points}`,
    'Reply with JSON only, exactly this shape: {"criteria":[{"id":"<criterion id>","level":1-4,"reason":"<one sentence>"}],',
    '"keyPoints":[{"index":<n>,"covered":true|false,"evidence":"<the sentence of the answer that makes it, copied exactly, or null>"}],',
    '"feedback":["<advice>", ...]}. Include every criterion id and every key point index once.',
  ].join('\n\n');
}

/**
 * A second grader behind the same result shape: asks the model, validates its JSON, and refuses an
 * answer that skips a criterion or a key point. The caller falls back to the deterministic grade.
 */
export function createModelGrader(config: ModelGraderConfig) {
  const client = new OpenAI({ baseURL: config.baseUrl, apiKey: config.apiKey ?? 'unused', timeout: config.timeoutMs, maxRetries: 0 });

  return {
    async grade(question: Question, answer: string, target: CandidateLevel, signal?: AbortSignal): Promise<GradeResult> {
      const completion = await client.chat.completions.create(
        {
          model: config.model,
          temperature: 0,
          response_format: { type: 'json_object' },
          messages: [
            { role: 'system', content: instructions(question) },
            { role: 'user', content: answer },
          ],
        },
        { signal },
      );
      const content = completion.choices[0]?.message.content;
      if (!content) throw new ModelGradeError('the model sent no content');
      let raw: unknown;
      try {
        raw = JSON.parse(content);
      } catch {
        throw new ModelGradeError('the model did not answer with JSON');
      }
      const parsed = ModelOutput.safeParse(raw);
      if (!parsed.success) throw new ModelGradeError(`the model's JSON does not fit the schema (${parsed.error.issues[0]?.path.join('.') || 'root'})`);
      const out = parsed.data;

      const levels = new Map(out.criteria.map((c) => [c.id, c] as const));
      const missing = question.rubric.filter((c) => !levels.has(c.id));
      if (missing.length > 0) throw new ModelGradeError(`the model skipped criterion ${missing.map((c) => c.id).join(', ')}`);
      const covered = new Map(out.keyPoints.map((k) => [k.index, k] as const));
      if (question.keyPoints.some((_, i) => !covered.has(i))) throw new ModelGradeError('the model skipped a key point');

      let weighted = 0;
      let weights = 0;
      for (const c of question.rubric) {
        weighted += c.weight * (((levels.get(c.id)?.level ?? 1) - 1) / 3);
        weights += c.weight;
      }
      const score = Math.round((weighted / weights) * 1000) / 10;
      const passScore = question.levelExpectations[target].passScore;
      return {
        questionId: question.id,
        verdict: score >= passScore ? 'pass' : 'fail',
        score,
        level: Math.min(4, Math.max(1, Math.round(1 + (3 * score) / 100))) as ScoreLevel,
        target: { level: target, passScore },
        criteria: question.rubric.map((c) => ({ id: c.id, level: levels.get(c.id)?.level ?? 1, reason: levels.get(c.id)?.reason ?? '' })),
        keyPoints: question.keyPoints.map((k, i) => {
          const mark = covered.get(i);
          // Evidence must be the person's own words: a quote the answer does not contain is dropped.
          const evidence = mark?.covered && mark.evidence && answer.includes(mark.evidence.trim()) ? mark.evidence.trim() : null;
          return { point: k.point, covered: mark?.covered ?? false, evidence };
        }),
        feedback: out.feedback,
        grader: 'model',
        fallbackReason: null,
      };
    },
  };
}

export type ModelGrader = ReturnType<typeof createModelGrader>;
