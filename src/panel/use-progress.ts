import { useEffect, useState } from 'preact/hooks';
import { progressRepo } from './repos';

export interface ProgressView {
  loaded: boolean;
  done: string[];
  nudgeDismissed: boolean;
}

/** The checklist progress of one ticket, kept in IndexedDB and shared live between panels. */
export function useProgress(key: string) {
  const [view, setView] = useState<ProgressView>({ loaded: false, done: [], nudgeDismissed: false });
  useEffect(() => {
    let alive = true;
    const load = () =>
      progressRepo()
        .then((repo) => repo.get(key))
        .then((p) => alive && setView({ loaded: true, done: [...(p?.done ?? [])], nudgeDismissed: !!p?.nudgeDismissed }))
        .catch(() => alive && setView((v) => ({ ...v, loaded: true })));
    void load();
    const channel = new BroadcastChannel('person-first-progress');
    channel.onmessage = (e: MessageEvent<{ key: string }>) => {
      if (e.data?.key === key) void load();
    };
    return () => {
      alive = false;
      channel.close();
    };
  }, [key]);

  const announce = () => {
    const channel = new BroadcastChannel('person-first-progress');
    channel.postMessage({ key });
    channel.close();
  };

  const setDone = async (step: string, checked: boolean) => {
    setView((v) => ({ ...v, done: checked ? [...new Set([...v.done, step])] : v.done.filter((s) => s !== step) }));
    const repo = await progressRepo();
    await repo.setDone(key, step, checked);
    announce();
  };

  const dismissNudge = async () => {
    setView((v) => ({ ...v, nudgeDismissed: true }));
    await (await progressRepo()).dismissNudge(key);
    announce();
  };

  return { ...view, setDone, dismissNudge };
}
