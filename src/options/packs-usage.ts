// Per-phrase usage (times inserted, last used) joined with the phrases it counts, for the options
// page table and the CSV a lead can read. Pure: the IndexedDB rows come in as data.
import { toCsv } from '../core/csv';
import { phraseKey } from '../core/pack/merge';
import type { InstalledPack } from '../packs/install';

export interface UsageInput {
  phraseId: string;
  count: number;
  lastUsed: number;
}

export interface UsageRow {
  key: string;
  packId: string;
  packName: string;
  phraseId: string;
  step: string;
  title: string;
  text: string;
  count: number;
  lastUsed: number;
}

/** Usage is stored under `packId/phraseId`; phrases from packs since removed keep their key only. */
export function usageRows(records: readonly UsageInput[], installed: readonly InstalledPack[]): UsageRow[] {
  const phrases = new Map<string, Omit<UsageRow, 'count' | 'lastUsed'>>();
  for (const { pack } of installed) {
    for (const p of pack.phrases) {
      const key = phraseKey(pack.id, p.id);
      phrases.set(key, { key, packId: pack.id, packName: pack.name, phraseId: p.id, step: p.step, title: p.title ?? '', text: p.text });
    }
  }
  return records
    .map((r) => {
      const known = phrases.get(r.phraseId);
      const slash = r.phraseId.indexOf('/');
      const fallback = { key: r.phraseId, packId: slash > 0 ? r.phraseId.slice(0, slash) : '', packName: '', phraseId: slash > 0 ? r.phraseId.slice(slash + 1) : r.phraseId, step: '', title: '', text: '' };
      return { ...(known ?? fallback), count: r.count, lastUsed: r.lastUsed };
    })
    .sort((a, b) => b.count - a.count || b.lastUsed - a.lastUsed || a.key.localeCompare(b.key));
}

export const USAGE_CSV_HEADER = ['pack_id', 'pack_name', 'phrase_id', 'step', 'title', 'text', 'times_inserted', 'last_used'];

export function usageCsv(rows: readonly UsageRow[]): string {
  return toCsv([USAGE_CSV_HEADER, ...rows.map((r) => [r.packId, r.packName, r.phraseId, r.step, r.title, r.text, r.count, r.lastUsed ? new Date(r.lastUsed).toISOString() : ''])]);
}
