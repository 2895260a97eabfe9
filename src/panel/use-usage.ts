import { useEffect, useState } from 'preact/hooks';
import { onApplied, queueWrite, USAGE_CHANNEL } from '../storage/write-queue';
import { usageRepo } from './repos';

/** How often the agent used each phrase (local only), to rank what they reach for first. */
export function useUsage(): Record<string, number> {
  const [usage, setUsage] = useState<Record<string, number>>({});
  useEffect(() => {
    const load = () =>
      usageRepo()
        .then((repo) => repo.all())
        .then((rows) => setUsage(Object.fromEntries(rows.map((r) => [r.phraseId, r.count]))))
        .catch(() => undefined);
    void load();
    return onApplied(USAGE_CHANNEL, () => void load());
  }, []);
  return usage;
}

/** Counts one insertion of the phrase; queued inside the click, so a closing panel still counts it. */
export function recordUse(phraseId: string): Promise<void> {
  return queueWrite({ kind: 'usage/used', phraseId });
}
