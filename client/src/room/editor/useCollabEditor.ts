import { useEffect, useRef } from 'react';
import type { RefObject } from 'react';
import type * as Y from 'yjs';
import type { SharedDoc } from '../../sync/roomDocs';
import { createCollabEditor, type CollabEditor } from './collabEditor';

interface Options {
  text: (doc: Y.Doc) => Y.Text;
  readOnly: boolean;
  label: string;
  testId: string;
  code: boolean;
}

/**
 * A CodeMirror view bound to a shared Y.Text for as long as the document lives. Read-only changes
 * are applied in place: recreating the view would drop the cursor.
 */
export function useCollabEditor(host: RefObject<HTMLDivElement | null>, shared: SharedDoc, options: Options): RefObject<CollabEditor | null> {
  const editor = useRef<CollabEditor | null>(null);
  const { readOnly } = options;

  useEffect(() => {
    if (!host.current) return;
    const created = createCollabEditor({
      parent: host.current,
      text: options.text(shared.doc),
      awareness: shared.provider.awareness,
      readOnly,
      label: options.label,
      testId: options.testId,
      code: options.code,
    });
    editor.current = created;
    return () => {
      created.destroy();
      editor.current = null;
    };
    // Only a new document makes a new view; see above for read-only.
  }, [shared]);

  useEffect(() => editor.current?.setReadOnly(readOnly), [readOnly]);
  return editor;
}
