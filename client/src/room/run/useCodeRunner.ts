import { useEffect, useState } from 'react';
import { CodeRunner } from './runner';

/** One runner per room page: its workers stay warm between runs and end with the page. */
export function useCodeRunner(): CodeRunner {
  const [runner] = useState(() => new CodeRunner());
  useEffect(() => () => runner.dispose(), [runner]);
  return runner;
}
