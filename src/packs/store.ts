// Installed packs live in chrome.storage.local under one key, written in one call: a reader sees
// the whole old list or the whole new one, never a half-installed pack.
import { parsePack } from '../core/pack/validate';
import { serialQueue } from '../core/serial';
import type { Pack } from '../core/pack/types';
import { decideInstall, type InstalledPack } from './install';
import { PACKS_KEY, readInstalled } from './installed';

export const DEFAULT_PACK_PATH = 'packs/default.en.json';
// Reading needs no validator: the panel imports these alone and stays small.
export { PACKS_KEY, readInstalled, onInstalledChanged } from './installed';

export async function writeInstalled(next: InstalledPack[]): Promise<void> {
  await chrome.storage.local.set({ [PACKS_KEY]: next });
}


/** The pack shipped inside the extension, validated like any other. */
export async function loadDefaultPack(): Promise<Pack> {
  const text = await (await fetch(chrome.runtime.getURL(DEFAULT_PACK_PATH))).text();
  const result = parsePack(text);
  if (!result.ok) throw new Error(`The built-in pack is invalid: ${result.errors[0]?.message}`);
  return result.pack;
}

/** Installs or updates the built-in pack (after an extension update it may have a new version). */
export async function ensureDefaultPack(now = Date.now()): Promise<void> {
  const pack = await loadDefaultPack();
  const current = await readInstalled();
  const decision = decideInstall(current, pack, 'default', now);
  if (decision.ok && decision.changed) await writeInstalled(decision.next);
}

/** Serialises writers in one context (the service worker handles several events at once). */
const serial = serialQueue();
export function withPacks<T>(fn: (current: InstalledPack[]) => Promise<{ next?: InstalledPack[]; result: T }>): Promise<T> {
  return serial(async () => {
    const { next, result } = await fn(await readInstalled());
    if (next) await writeInstalled(next);
    return result;
  });
}
