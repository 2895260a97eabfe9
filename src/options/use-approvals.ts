// The lead's approved desk fixes (src/packs/desk-overrides.ts), kept current from storage events.
import { useEffect, useState } from 'preact/hooks';
import { OVERRIDE_APPROVALS_KEY, readApprovals, type Approvals } from '../packs/desk-overrides';

export function useApprovals(): Approvals {
  const [approvals, setApprovals] = useState<Approvals>({});
  useEffect(() => {
    const load = () => void readApprovals().then(setApprovals);
    load();
    const fn = (changes: Record<string, chrome.storage.StorageChange>, area: string) => {
      if (area === 'local' && OVERRIDE_APPROVALS_KEY in changes) load();
    };
    chrome.storage.onChanged.addListener(fn);
    return () => chrome.storage.onChanged.removeListener(fn);
  }, []);
  return approvals;
}
