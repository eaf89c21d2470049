import type { Extension } from '@codemirror/state';
import { CodeLanguage, DocKeys } from '@quorum/shared';
import type * as Y from 'yjs';

/** Parsers load on demand: a room rarely uses more than one of the five. */
export const languageSupport: Record<CodeLanguage, { label: string; load: () => Promise<Extension> }> = {
  typescript: {
    label: 'TypeScript',
    load: () => import('@codemirror/lang-javascript').then(({ javascript }) => javascript({ typescript: true })),
  },
  javascript: { label: 'JavaScript', load: () => import('@codemirror/lang-javascript').then(({ javascript }) => javascript()) },
  python: { label: 'Python', load: () => import('@codemirror/lang-python').then(({ python }) => python()) },
  go: { label: 'Go', load: () => import('@codemirror/lang-go').then(({ go }) => go()) },
  java: { label: 'Java', load: () => import('@codemirror/lang-java').then(({ java }) => java()) },
};

export const defaultLanguage: CodeLanguage = 'typescript';

/** The room's language lives in the code document, so both sides switch together. */
export function readLanguage(meta: Y.Map<unknown>): CodeLanguage {
  const parsed = CodeLanguage.safeParse(meta.get(DocKeys.codeLanguage));
  return parsed.success ? parsed.data : defaultLanguage;
}
