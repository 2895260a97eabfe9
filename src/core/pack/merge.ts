/**
 * Several packs active at once: merge their phrases per step in a fixed order
 * (policy, subscribed, imported, default, personal), and apply their step title/hint overrides.
 */
import { DEFAULT_CUE_RULES, mergeCueRules, type CueRules } from '../cues/rules';
import { compareSemver } from '../semver';
import { DEFAULT_STEPS, type Step, type StepId } from '../steps';
import type { Pack, Phrase } from './types';

export type PackSource = 'policy' | 'subscribed' | 'imported' | 'default' | 'personal';

export const SOURCE_ORDER: readonly PackSource[] = ['policy', 'subscribed', 'imported', 'default', 'personal'];

export interface InstalledPack {
  pack: Pack;
  source: PackSource;
  /** Disabled packs are skipped (policy may disable the default pack; agents may disable unlocked ones). */
  disabled?: boolean;
}

export interface MergedPhrase extends Phrase {
  packId: string;
  /** `${packId}/${id}`: unique across packs; usage counts are stored under it. */
  key: string;
}

export interface MergedPhrases {
  steps: Step[];
  /** The default cue rules with every active pack's changes (a higher-priority pack wins). */
  cueRules: CueRules;
  /** All phrases in merge order. */
  phrases: MergedPhrase[];
  byStep: Record<StepId, MergedPhrase[]>;
  /** The packs that made it in, in merge order. */
  packs: { id: string; name: string; version: string; source: PackSource; locale: string }[];
}

export interface MergeOptions {
  /** The panel's language ("de", "pt-BR"): packs in it are used when the set has any, else English. */
  locale?: string;
}

export function phraseKey(packId: string, phraseId: string): string {
  return `${packId}/${phraseId}`;
}

const language = (locale: string) => locale.toLowerCase().split('-')[0]!;

/** Same pack id is one pack: the higher version wins; on a tie the earlier source (policy first). */
function dedupeById(sources: InstalledPack[]): InstalledPack[] {
  const winners = new Map<string, InstalledPack>();
  for (const s of sources) {
    const current = winners.get(s.pack.id);
    if (!current || compareSemver(s.pack.version, current.pack.version) > 0) winners.set(s.pack.id, s);
  }
  return sources.filter((s) => winners.get(s.pack.id) === s);
}

function pickLanguage(sources: InstalledPack[], locale: string | undefined): InstalledPack[] {
  if (!locale) return sources;
  const wanted = language(locale);
  const shared = sources.filter((s) => s.source !== 'personal');
  const lang = shared.some((s) => language(s.pack.locale) === wanted) ? wanted : 'en';
  // Personal phrases are the agent's own words: always kept.
  return sources.filter((s) => s.source === 'personal' || language(s.pack.locale) === lang);
}

/**
 * The locales phrases can be shown in: those of the enabled shared packs, in merge order. Personal
 * phrases take part in every language, so they add none.
 */
export function availableLocales(sources: readonly InstalledPack[]): string[] {
  const seen = new Map<string, string>();
  for (const s of sources) {
    if (s.disabled || s.source === 'personal') continue;
    const key = s.pack.locale.toLowerCase();
    if (!seen.has(key)) seen.set(key, s.pack.locale);
  }
  return [...seen.values()];
}

export function mergePacks(sources: readonly InstalledPack[], options: MergeOptions = {}): MergedPhrases {
  const enabled = sources.filter((s) => !s.disabled);
  // Stable sort by source order keeps the caller's order within one source.
  const ordered = enabled
    .map((s, i) => ({ s, i }))
    .sort((a, b) => SOURCE_ORDER.indexOf(a.s.source) - SOURCE_ORDER.indexOf(b.s.source) || a.i - b.i)
    .map(({ s }) => s);
  const active = pickLanguage(dedupeById(ordered), options.locale);

  const steps: Step[] = DEFAULT_STEPS.map((s) => ({ ...s }));
  const titled = new Set<StepId>();
  const hinted = new Set<StepId>();
  const byStep = Object.fromEntries(DEFAULT_STEPS.map((s) => [s.id, [] as MergedPhrase[]])) as Record<StepId, MergedPhrase[]>;
  const phrases: MergedPhrase[] = [];
  // The same sentence from two packs would show twice in a row; keep the first (higher-priority) one.
  const seenText = new Set<string>();

  for (const { pack } of active) {
    for (const o of pack.steps ?? []) {
      const step = steps.find((s) => s.id === o.id);
      if (!step) continue;
      if (o.title && !titled.has(o.id)) {
        step.title = o.title;
        titled.add(o.id);
      }
      if (o.hint && !hinted.has(o.id)) {
        step.hint = o.hint;
        hinted.add(o.id);
      }
    }
    for (const p of pack.phrases) {
      const textKey = `${p.step}\u0000${p.text.trim().replace(/\s+/g, ' ').toLowerCase()}\u0000${(p.channels ?? []).join(',')}`;
      if (seenText.has(textKey)) continue;
      seenText.add(textKey);
      const merged: MergedPhrase = { ...p, packId: pack.id, key: phraseKey(pack.id, p.id) };
      phrases.push(merged);
      byStep[p.step].push(merged);
    }
  }
  // Lowest priority first, so the changes of higher-priority packs land last and win.
  let cueRules: CueRules = DEFAULT_CUE_RULES.en!;
  for (const { pack } of [...active].reverse()) cueRules = mergeCueRules(cueRules, pack.cues);
  return {
    steps,
    cueRules,
    phrases,
    byStep,
    packs: active.map(({ pack, source }) => ({ id: pack.id, name: pack.name, version: pack.version, source, locale: pack.locale })),
  };
}

function samePhrase(a: Phrase, b: Phrase): boolean {
  return (
    a.step === b.step &&
    a.text === b.text &&
    (a.title ?? '') === (b.title ?? '') &&
    (a.channels ?? []).join('|') === (b.channels ?? []).join('|') &&
    (a.tags ?? []).join('|') === (b.tags ?? []).join('|') &&
    // A new condition changes where the phrase is suggested: agents should hear of it.
    JSON.stringify(a.when ?? null) === JSON.stringify(b.when ?? null)
  );
}

/** What changed between two versions of a pack, by phrase id: the summary the options page shows. */
export function diffPacks(older: Pack, newer: Pack): { added: string[]; removed: string[]; changed: string[] } {
  const before = new Map(older.phrases.map((p) => [p.id, p]));
  const after = new Map(newer.phrases.map((p) => [p.id, p]));
  const added = newer.phrases.filter((p) => !before.has(p.id)).map((p) => p.id);
  const removed = older.phrases.filter((p) => !after.has(p.id)).map((p) => p.id);
  const changed = newer.phrases.filter((p) => before.has(p.id) && !samePhrase(before.get(p.id)!, p)).map((p) => p.id);
  return { added, removed, changed };
}

export function describeDiff(d: { added: string[]; removed: string[]; changed: string[] }): string {
  const part = (n: number, word: string) => `${n} phrase${n === 1 ? '' : 's'} ${word}`;
  if (!d.added.length && !d.removed.length && !d.changed.length) return 'No phrase changes';
  return [part(d.added.length, 'added'), part(d.removed.length, 'removed'), part(d.changed.length, 'changed')].join(', ');
}

/**
 * Whether a validated download may replace the installed pack. Returns the reason to show when not:
 * a URL that starts serving another pack, or an older version (allowed only from policy, which decides).
 */
export function updateRefusal(current: Pack | undefined, next: Pack, source: PackSource): string | null {
  if (!current) return null;
  if (current.id !== next.id) {
    return `This source used to serve the pack "${current.id}" but now serves "${next.id}". Kept "${current.id}" ${current.version}; remove and re-add the source if the change is intended.`;
  }
  if (source !== 'policy' && compareSemver(next.version, current.version) < 0) {
    return `Version ${next.version} is older than the installed ${current.version}; kept ${current.version}.`;
  }
  return null;
}
