import { DocKeys, type CodeLanguage } from '@quorum/shared';
import type * as Y from 'yjs';
import { readLanguage } from '../editor/languages';
import { isElement, orderByIndex } from '../whiteboard/boardBinding';

const extensions: Record<CodeLanguage, string> = { typescript: 'ts', javascript: 'js', python: 'py', go: 'go', java: 'java' };

export interface Keepsake {
  name: string;
  blob: Blob;
}

/** The board as an .excalidraw file, which excalidraw.com and the Excalidraw app open as it is; null when empty. */
export function boardKeepsake(roomId: string, doc: Y.Doc): Keepsake | null {
  const elements = orderByIndex([...doc.getMap<unknown>(DocKeys.boardElements).values()].filter(isElement).filter((element) => !element.isDeleted));
  if (elements.length === 0) return null;
  const scene = { type: 'excalidraw', version: 2, source: window.location.origin, elements, appState: { viewBackgroundColor: '#ffffff' }, files: {} };
  return { name: `quorum-board-${roomId}.excalidraw`, blob: new Blob([JSON.stringify(scene, null, 2)], { type: 'application/json' }) };
}

/** The code as a source file in the room's language; null when empty. */
export function codeKeepsake(roomId: string, doc: Y.Doc): Keepsake | null {
  const text = doc.getText(DocKeys.codeText).toString();
  if (text.trim() === '') return null;
  const extension = extensions[readLanguage(doc.getMap(DocKeys.codeMeta))];
  return { name: `quorum-code-${roomId}.${extension}`, blob: new Blob([text], { type: 'text/plain;charset=utf-8' }) };
}
