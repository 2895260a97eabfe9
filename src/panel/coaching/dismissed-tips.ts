// Tips the agent dismissed, per ticket, in chrome.storage.local: a dismissed tip stays away on
// that ticket across panel reloads, and comes back on the next ticket.
import type { TipId } from '../../core/draft-check';
import { hasExtensionApi } from '../../has-extension-api';

export const DISMISSED_TIPS_KEY = 'dismissedTips';
/** Old tickets are forgotten first, so the stored map stays small. */
export const MAX_TICKETS = 300;

export type DismissedMap = Record<string, { ids: TipId[]; at: number }>;

export function normalizeDismissed(raw: unknown): DismissedMap {
  if (typeof raw !== 'object' || raw === null || Array.isArray(raw)) return {};
  const out: DismissedMap = {};
  for (const [key, value] of Object.entries(raw as Record<string, unknown>)) {
    const v = value as { ids?: unknown; at?: unknown } | null;
    if (!v || !Array.isArray(v.ids)) continue;
    out[key] = { ids: v.ids.filter((id): id is TipId => typeof id === 'string'), at: typeof v.at === 'number' ? v.at : 0 };
  }
  return out;
}

/** The map with `id` dismissed on `key`, keeping only the `max` most recently touched tickets. */
export function withDismissal(map: DismissedMap, key: string, id: TipId, now: number, max = MAX_TICKETS): DismissedMap {
  const ids = map[key]?.ids ?? [];
  const next: DismissedMap = { ...map, [key]: { ids: ids.includes(id) ? ids : [...ids, id], at: now } };
  const keys = Object.keys(next);
  if (keys.length <= max) return next;
  const keep = new Set(keys.sort((a, b) => next[b]!.at - next[a]!.at).slice(0, max));
  return Object.fromEntries(Object.entries(next).filter(([k]) => keep.has(k)));
}

export interface DismissedTipsStore {
  load(key: string): Promise<TipId[]>;
  dismiss(key: string, id: TipId): Promise<void>;
}

export const chromeDismissedTips: DismissedTipsStore = {
  async load(key) {
    if (!hasExtensionApi()) return [];
    const got = await chrome.storage.local.get(DISMISSED_TIPS_KEY);
    return normalizeDismissed(got[DISMISSED_TIPS_KEY])[key]?.ids ?? [];
  },
  async dismiss(key, id) {
    if (!hasExtensionApi()) return;
    const got = await chrome.storage.local.get(DISMISSED_TIPS_KEY);
    await chrome.storage.local.set({ [DISMISSED_TIPS_KEY]: withDismissal(normalizeDismissed(got[DISMISSED_TIPS_KEY]), key, id, Date.now()) });
  },
};
