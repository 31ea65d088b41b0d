import { useCallback, useState } from 'react';
import type { Result } from '../../shared/result';

/** A row's calls to the core, one at a time: busy while one runs, and the core's sentence when it is refused. */
export function useCoreCall(): {
  readonly busy: boolean;
  readonly problem: string | null;
  run<T>(call: () => Promise<Result<T>>, onDone: (value: T) => void): Promise<void>;
} {
  const [busy, setBusy] = useState(false);
  const [problem, setProblem] = useState<string | null>(null);
  const run = useCallback(async <T,>(call: () => Promise<Result<T>>, onDone: (value: T) => void): Promise<void> => {
    setBusy(true);
    setProblem(null);
    const result = await call();
    setBusy(false);
    if (result.ok) onDone(result.value);
    else setProblem(result.error.message);
  }, []);
  return { busy, problem, run };
}
