import { useEffect, useState } from 'preact/hooks';

/** A counter that goes up every `ms`, so time-based views (waiting, "due in…") refresh; null stops it. */
export function useTick(ms: number | null): number {
  const [tick, setTick] = useState(0);
  useEffect(() => {
    if (ms === null) return;
    const timer = setInterval(() => setTick((t) => t + 1), ms);
    return () => clearInterval(timer);
  }, [ms]);
  return tick;
}
