// Follow-ups as the panel shows them: loaded from IndexedDB, reloaded when any page or the
// service worker changes them, and re-described as time passes.
import { useCallback, useEffect, useState } from 'preact/hooks';
import type { FollowupRecord } from '../../storage/db';
import { effectiveDueAt } from '../../storage/followups-repo';
import { followupsRepo } from '../repos';
import { onFollowupsChanged } from '../../followups-signal';
import { useTick } from './use-tick';
import { t } from '../../i18n';

const REFRESH_MS = 60_000;

export interface FollowupsView {
  loaded: boolean;
  due: FollowupRecord[];
  upcoming: FollowupRecord[];
  error: string | null;
  /** The time the lists were computed for. */
  now: number;
  reload: () => void;
}

/** All open follow-ups (every ticket), or one ticket's when `key` is given. */
export function useFollowups(key?: string): FollowupsView {
  const tick = useTick(REFRESH_MS);
  const [version, setVersion] = useState(0);
  const reload = useCallback(() => setVersion((v) => v + 1), []);
  const [state, setState] = useState<Omit<FollowupsView, 'reload'>>({ loaded: false, due: [], upcoming: [], error: null, now: Date.now() });

  useEffect(() => onFollowupsChanged(reload), [reload]);

  useEffect(() => {
    let live = true;
    const now = Date.now();
    (async () => {
      const repo = await followupsRepo();
      const [due, upcoming] = await Promise.all([repo.due(now), repo.upcoming(now)]);
      const mine = (rows: FollowupRecord[]) => (key === undefined ? rows : rows.filter((f) => f.key === key));
      if (live) setState({ loaded: true, due: mine(due), upcoming: mine(upcoming), error: null, now });
    })().catch((err: unknown) => {
      if (live) setState((s) => ({ ...s, loaded: true, error: t('followupsReadFailed', (err as Error).message) }));
    });
    return () => {
      live = false;
    };
  }, [key, tick, version]);

  // The next upcoming reminder moves to "due" the moment it comes due, not at the next tick.
  const next = state.upcoming[0];
  const nextAt = next ? effectiveDueAt(next) : null;
  useEffect(() => {
    if (nextAt === null) return;
    const wait = nextAt - Date.now() + 50;
    if (wait > REFRESH_MS) return;
    const timer = setTimeout(reload, Math.max(0, wait));
    return () => clearTimeout(timer);
  }, [nextAt, reload]);

  return { ...state, reload };
}
