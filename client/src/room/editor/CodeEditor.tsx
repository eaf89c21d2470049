import { CodeLanguage, DocKeys } from '@quorum/shared';
import { useEffect, useRef } from 'react';
import type * as Y from 'yjs';
import type { SharedDoc } from '../../sync/roomDocs';
import { useCollabEditor } from './useCollabEditor';
import { defaultLanguage, languageSupport } from './languages';
import { useLanguage } from './useLanguage';

interface Props {
  shared: SharedDoc;
  readOnly: boolean;
}

const codeText = (doc: Y.Doc) => doc.getText(DocKeys.codeText);

export function CodeEditor({ shared, readOnly }: Props) {
  const host = useRef<HTMLDivElement>(null);
  const meta = shared.doc.getMap<unknown>(DocKeys.codeMeta);
  const language = useLanguage(shared);
  const editor = useCollabEditor(host, shared, { text: codeText, readOnly, label: 'Code editor', testId: 'editor-content', code: true });

  useEffect(() => {
    let current = true;
    languageSupport[language].load().then(
      (extension) => current && editor.current?.setExtensions(extension),
      // A parser chunk that fails to load (e.g. mid-deploy) leaves plain text, which still syncs.
      () => undefined,
    );
    return () => {
      current = false;
    };
  }, [language, shared]);

  return (
    <div className="code-editor">
      <div className="code-editor__toolbar">
        <label className="inline-field">
          <span>Language</span>
          <select
            data-testid="language-select"
            value={language}
            disabled={readOnly}
            onChange={(event) => {
              const next = CodeLanguage.parse(event.target.value);
              shared.doc.transact(() => meta.set(DocKeys.codeLanguage, next));
            }}
          >
            {CodeLanguage.options.map((option) => (
              <option key={option} value={option}>
                {languageSupport[option].label}
              </option>
            ))}
          </select>
        </label>
        {readOnly && <span className="pill">View only</span>}
        {language === defaultLanguage && !meta.has(DocKeys.codeLanguage) && (
          <span className="muted small">Pick the language you will interview in; it changes for everyone.</span>
        )}
      </div>
      <div className="code-editor__surface" ref={host} data-testid="editor" />
    </div>
  );
}
