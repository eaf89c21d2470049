import { autocompletion, closeBrackets, closeBracketsKeymap, completionKeymap } from '@codemirror/autocomplete';
import { defaultKeymap, indentWithTab } from '@codemirror/commands';
import { bracketMatching, defaultHighlightStyle, foldGutter, indentOnInput, syntaxHighlighting } from '@codemirror/language';
import { highlightSelectionMatches, searchKeymap } from '@codemirror/search';
import { Compartment, EditorState, type Extension } from '@codemirror/state';
import {
  drawSelection,
  dropCursor,
  EditorView,
  highlightActiveLine,
  highlightActiveLineGutter,
  highlightSpecialChars,
  keymap,
  lineNumbers,
  rectangularSelection,
} from '@codemirror/view';
import { yCollab, yUndoManagerKeymap } from 'y-codemirror.next';
import type { Awareness } from 'y-protocols/awareness';
import * as Y from 'yjs';

interface Options {
  parent: HTMLElement;
  text: Y.Text;
  awareness: Awareness;
  readOnly: boolean;
  /** Language support or any other document-specific extension; swappable later. */
  extensions?: Extension;
  /** Accessible name and test id of the editable area. */
  label: string;
  testId: string;
  code: boolean;
}

export interface CollabEditor {
  view: EditorView;
  setReadOnly(readOnly: boolean): void;
  setExtensions(extensions: Extension): void;
  destroy(): void;
}

/**
 * A CodeMirror view bound to a Y.Text. Undo goes through a Y.UndoManager (not CodeMirror's
 * history), so it only ever undoes your own edits, never your partner's.
 */
export function createCollabEditor({ parent, text, awareness, readOnly, extensions = [], label, testId, code }: Options): CollabEditor {
  const readOnlyCompartment = new Compartment();
  const extensionCompartment = new Compartment();
  const undoManager = new Y.UndoManager(text);
  const view = new EditorView({
    parent,
    state: EditorState.create({
      doc: text.toString(),
      extensions: [
        code ? [lineNumbers(), highlightActiveLineGutter(), foldGutter()] : EditorView.lineWrapping,
        highlightSpecialChars(),
        drawSelection(),
        dropCursor(),
        EditorState.allowMultipleSelections.of(true),
        indentOnInput(),
        syntaxHighlighting(defaultHighlightStyle, { fallback: true }),
        bracketMatching(),
        closeBrackets(),
        code ? autocompletion() : [],
        rectangularSelection(),
        highlightActiveLine(),
        highlightSelectionMatches(),
        keymap.of([
          ...yUndoManagerKeymap,
          ...closeBracketsKeymap,
          ...defaultKeymap,
          ...searchKeymap,
          ...(code ? completionKeymap : []),
          indentWithTab,
        ]),
        EditorView.contentAttributes.of({ 'aria-label': label, 'data-testid': testId }),
        readOnlyCompartment.of(readOnlyExtension(readOnly)),
        extensionCompartment.of(extensions),
        yCollab(text, awareness, { undoManager }),
      ],
    }),
  });
  return {
    view,
    setReadOnly: (next) => view.dispatch({ effects: readOnlyCompartment.reconfigure(readOnlyExtension(next)) }),
    setExtensions: (next) => view.dispatch({ effects: extensionCompartment.reconfigure(next) }),
    destroy: () => {
      view.destroy();
      undoManager.destroy();
    },
  };
}

function readOnlyExtension(readOnly: boolean): Extension {
  return [EditorState.readOnly.of(readOnly), EditorView.editable.of(!readOnly)];
}
