import { useEffect, useState } from 'preact/hooks';
import { usageRepo } from './repos';

const CHANNEL = 'person-first-usage';

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
    const channel = new BroadcastChannel(CHANNEL);
    channel.onmessage = () => void load();
    return () => channel.close();
  }, []);
  return usage;
}

export async function recordUse(phraseId: string): Promise<void> {
  await (await usageRepo()).recordUse(phraseId);
  const channel = new BroadcastChannel(CHANNEL);
  channel.postMessage(phraseId);
  channel.close();
}
