import { z } from 'zod';
import type { Role } from './roles.js';
import { seesPrivate } from './roles.js';

/** The Yjs documents of a room. */
export const DocName = z.enum(['board', 'code', 'notes']);
export type DocName = z.infer<typeof DocName>;

/** Names of the shared types inside each document, so the server, client and tests agree. */
export const DocKeys = {
  boardElements: 'elements',
  codeText: 'code',
  codeMeta: 'meta',
  codeLanguage: 'language',
  notesText: 'notes',
} as const;

export const CodeLanguage = z.enum(['typescript', 'javascript', 'python', 'go', 'java']);
export type CodeLanguage = z.infer<typeof CodeLanguage>;

export type DocAccess = 'none' | 'read' | 'write';

/**
 * Who may open which document. Private notes stay with the interviewer (an observer reads them,
 * and the interviewer may finish them after the end); once an interview has ended the candidate
 * keeps a read-only view of the shared work.
 */
export function docAccess(role: Role, doc: DocName, ended = false): DocAccess {
  if (doc === 'notes') {
    if (!seesPrivate(role)) return 'none';
    return role === 'interviewer' ? 'write' : 'read';
  }
  if (role === 'observer') return 'read';
  if (ended && role === 'candidate') return 'read';
  return 'write';
}
