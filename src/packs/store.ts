// Installed packs live in chrome.storage.local under one key, written in one call: a reader sees
// the whole old list or the whole new one, never a half-installed pack.
import { parsePack } from '../core/pack/validate';
import { serialQueue } from '../core/serial';
import type { Pack } from '../core/pack/types';
import { DEFAULT_PACKS, type DefaultPackFile } from './default-packs';
import { decideInstall, type InstalledPack } from './install';
import { PACKS_KEY, readInstalled } from './installed';

export const DEFAULT_PACK_PATH = DEFAULT_PACKS[0]!.path;
// Reading needs no validator: the panel imports these alone and stays small.
export { PACKS_KEY, readInstalled, onInstalledChanged } from './installed';

export async function writeInstalled(next: InstalledPack[]): Promise<void> {
  await chrome.storage.local.set({ [PACKS_KEY]: next });
}


/** A pack shipped inside the extension, validated like any other. */
export async function loadDefaultPack(file: DefaultPackFile = DEFAULT_PACKS[0]!): Promise<Pack> {
  const text = await (await fetch(chrome.runtime.getURL(file.path))).text();
  const result = parsePack(text);
  if (!result.ok) throw new Error(`The built-in pack ${file.path} is invalid: ${result.errors[0]?.message}`);
  return result.pack;
}

/** Every built-in pack that loads; one that does not is left out rather than costing the others. */
export async function loadDefaultPacks(): Promise<Pack[]> {
  const loaded = await Promise.allSettled(DEFAULT_PACKS.map((file) => loadDefaultPack(file)));
  const packs = loaded.flatMap((r) => (r.status === 'fulfilled' ? [r.value] : []));
  const failed = loaded.find((r): r is PromiseRejectedResult => r.status === 'rejected');
  if (!packs.length && failed) throw failed.reason;
  return packs;
}

/** Installs or updates the built-in packs (after an extension update they may have new versions), in one write. */
export async function ensureDefaultPack(now = Date.now()): Promise<void> {
  const packs = await loadDefaultPacks();
  let next = await readInstalled();
  let changed = false;
  for (const pack of packs) {
    const decision = decideInstall(next, pack, 'default', now);
    if (decision.ok && decision.changed) {
      next = decision.next;
      changed = true;
    }
  }
  if (changed) await writeInstalled(next);
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
