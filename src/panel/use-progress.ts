import { useEffect, useRef, useState } from 'preact/hooks';
import { onApplied, PROGRESS_CHANNEL, queueWrite } from '../storage/write-queue';
import { progressRepo } from './repos';

export interface ProgressView {
  loaded: boolean;
  done: string[];
  nudgeDismissed: boolean;
  dismissedTips: string[];
  /** The phrase language the agent switched this ticket to, if they did. */
  phraseLocale?: string;
  /** Why the last change could not be stored, for the agent; null when all is stored. */
  error: string | null;
}

const EMPTY: ProgressView = { loaded: false, done: [], nudgeDismissed: false, dismissedTips: [], error: null };

/** The checklist progress of one ticket, kept in IndexedDB and shared live between panels. */
export function useProgress(key: string) {
  const [view, setView] = useState<ProgressView>(EMPTY);
  // While this panel's own changes are on their way, a stored copy read in between would show a
  // tick undone for a moment: such reads are skipped, and the last change to land reads again.
  const pending = useRef(0);
  const reload = useRef<() => void>(() => undefined);
  useEffect(() => {
    let alive = true;
    const load = () =>
      progressRepo()
        .then((repo) => repo.get(key))
        .then((p) => {
          if (!alive || pending.current > 0) return;
          setView((v) => ({
            ...v,
            loaded: true,
            done: [...(p?.done ?? [])],
            nudgeDismissed: !!p?.nudgeDismissed,
            dismissedTips: [...(p?.dismissedTips ?? [])],
            phraseLocale: typeof p?.phraseLocale === 'string' ? p.phraseLocale : undefined,
          }));
        })
        .catch(() => alive && setView((v) => ({ ...v, loaded: true })));
    reload.current = () => void load();
    void load();
    const stop = onApplied(PROGRESS_CHANNEL, (message) => {
      if ((message as { key?: unknown } | null)?.key === key) void load();
    });
    return () => {
      alive = false;
      stop();
    };
  }, [key]);

  const report = (written: Promise<void>): Promise<void> => {
    pending.current++;
    return written
      .then(
        () => setView((v) => (v.error ? { ...v, error: null } : v)),
        (err: unknown) => setView((v) => ({ ...v, error: (err as Error).message })),
      )
      .finally(() => {
        if (--pending.current === 0) reload.current();
      });
  };

  // Each change is queued inside the event that caused it (see storage/write-queue.ts), then shown.
  const setDone = (step: string, checked: boolean): Promise<void> => {
    const written = report(queueWrite({ kind: 'progress/step', key, step, done: checked }));
    setView((v) => ({ ...v, done: checked ? [...new Set([...v.done, step])] : v.done.filter((s) => s !== step) }));
    return written;
  };

  const dismissNudge = (): Promise<void> => {
    const written = report(queueWrite({ kind: 'progress/nudge-dismissed', key }));
    setView((v) => ({ ...v, nudgeDismissed: true }));
    return written;
  };

  const setPhraseLocale = (locale: string): Promise<void> => {
    const written = report(queueWrite({ kind: 'progress/phrase-locale', key, locale }));
    setView((v) => ({ ...v, phraseLocale: locale }));
    return written;
  };

  return { ...view, setDone, dismissNudge, setPhraseLocale };
}
