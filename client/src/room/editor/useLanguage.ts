import { DocKeys } from '@quorum/shared';
import type { CodeLanguage } from '@quorum/shared';
import { useEffect, useState } from 'react';
import type { SharedDoc } from '../../sync/roomDocs';
import { readLanguage } from './languages';

/** The room's language, as the code document holds it: it changes for everyone at once. */
export function useLanguage(shared: SharedDoc): CodeLanguage {
  const meta = shared.doc.getMap<unknown>(DocKeys.codeMeta);
  const [language, setLanguage] = useState<CodeLanguage>(() => readLanguage(meta));
  useEffect(() => {
    const sync = () => setLanguage(readLanguage(meta));
    meta.observe(sync);
    sync();
    return () => meta.unobserve(sync);
  }, [meta]);
  return language;
}
