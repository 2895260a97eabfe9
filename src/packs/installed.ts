// Installed packs live in chrome.storage.local under one key, written in one call (see store.ts).
// Reading them needs no validator, so the panel imports this module alone.
import type { InstalledPack } from './install';

export const PACKS_KEY = 'packs';

export async function readInstalled(): Promise<InstalledPack[]> {
  const got = await chrome.storage.local.get(PACKS_KEY);
  return Array.isArray(got[PACKS_KEY]) ? (got[PACKS_KEY] as InstalledPack[]) : [];
}

export function onInstalledChanged(listener: (packs: InstalledPack[]) => void): () => void {
  const fn = (changes: Record<string, chrome.storage.StorageChange>, area: string) => {
    if (area === 'local' && PACKS_KEY in changes) listener((changes[PACKS_KEY]!.newValue as InstalledPack[] | undefined) ?? []);
  };
  chrome.storage.onChanged.addListener(fn);
  return () => chrome.storage.onChanged.removeListener(fn);
}
