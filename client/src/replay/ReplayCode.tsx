import { EditorState, Compartment } from '@codemirror/state';
import { defaultHighlightStyle, syntaxHighlighting } from '@codemirror/language';
import { EditorView, lineNumbers } from '@codemirror/view';
import { DocKeys } from '@quorum/shared';
import { memo, useEffect, useRef } from 'react';
import type * as Y from 'yjs';
import { languageSupport, readLanguage } from '../room/editor/languages';

/** The code at the chosen instant, read-only, highlighted in the room's language at that instant; memoised on its document like the board. */
export const ReplayCode = memo(function ReplayCode({ doc }: { doc: Y.Doc | undefined }) {
  const host = useRef<HTMLDivElement>(null);
  const view = useRef<EditorView | null>(null);
  const language = useRef(new Compartment());
  const text = doc?.getText(DocKeys.codeText).toString() ?? '';
  const lang = doc ? readLanguage(doc.getMap<unknown>(DocKeys.codeMeta)) : 'typescript';

  useEffect(() => {
    if (!host.current) return;
    view.current = new EditorView({
      parent: host.current,
      state: EditorState.create({
        doc: '',
        extensions: [
          lineNumbers(),
          syntaxHighlighting(defaultHighlightStyle, { fallback: true }),
          EditorState.readOnly.of(true),
          EditorView.editable.of(false),
          EditorView.contentAttributes.of({ 'aria-label': 'Code at this moment', 'data-testid': 'replay-code' }),
          language.current.of([]),
        ],
      }),
    });
    return () => {
      view.current?.destroy();
      view.current = null;
    };
  }, []);

  useEffect(() => {
    const current = view.current;
    if (current && current.state.doc.toString() !== text) current.dispatch({ changes: { from: 0, to: current.state.doc.length, insert: text } });
  }, [text]);

  useEffect(() => {
    let alive = true;
    languageSupport[lang].load().then(
      (extension) => alive && view.current?.dispatch({ effects: language.current.reconfigure(extension) }),
      () => undefined,
    );
    return () => {
      alive = false;
    };
  }, [lang]);

  return (
    <div className="replay-code">
      <div className="replay-pane__title">
        Code <span className="muted">· {languageSupport[lang].label}</span>
      </div>
      <div className="replay-code__editor" ref={host} />
    </div>
  );
});
