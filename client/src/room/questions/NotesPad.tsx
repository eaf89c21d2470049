import { DocKeys } from '@quorum/shared';
import type { EditorView } from '@codemirror/view';
import { useRef } from 'react';
import type { SharedDoc } from '../../sync/roomDocs';
import { useCollabEditor } from '../editor/useCollabEditor';
import type * as Y from 'yjs';

interface Props {
  shared: SharedDoc;
  readOnly: boolean;
  /** The marker the timestamp button inserts: interview time and current question. */
  stamp: () => string;
}

/** Private notes, shared with observers and never with the candidate (the server refuses their token). */
const notesText = (doc: Y.Doc) => doc.getText(DocKeys.notesText);

export function NotesPad({ shared, readOnly, stamp }: Props) {
  const host = useRef<HTMLDivElement>(null);
  const editor = useCollabEditor(host, shared, { text: notesText, readOnly, label: 'Private interview notes', testId: 'notes-content', code: false });

  return (
    <div className="notes">
      <div className="notes__bar">
        <p className="muted small">
          {readOnly ? 'The interviewer’s notes, live. ' : 'Only you and observers see these notes. '}
          The candidate never does.
        </p>
        {!readOnly && (
          <button
            type="button"
            className="button button--small"
            data-testid="notes-timestamp"
            title="Insert the interview time and the current question at the cursor"
            onClick={() => editor.current && insertLine(editor.current.view, stamp())}
          >
            Timestamp
          </button>
        )}
      </div>
      <div className="notes__surface" ref={host} data-testid="notes" />
    </div>
  );
}

/** Inserts at the cursor, starting a new line if the cursor is mid-line, and leaves the cursor after it. */
function insertLine(view: EditorView, text: string): void {
  const { head } = view.state.selection.main;
  const insert = head > view.state.doc.lineAt(head).from ? `\n${text}` : text;
  view.dispatch({ changes: { from: head, insert }, selection: { anchor: head + insert.length }, scrollIntoView: true, userEvent: 'input' });
  view.focus();
}
