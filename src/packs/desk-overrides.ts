// Selector fixes for built-in desks, shipped in packs ("desks": [{ "extends": "zendesk", … }]).
// A fix changes what Person First reads on a desk page and where it inserts, so none applies until
// the lead has seen it: the options page records each approved fix by pack (the approved copy is
// what runs, so a later version of a subscribed pack waits for a new approval while the old fix
// keeps working). Policy packs need no approval: the organisation sent them.
// The service worker folds the approved fixes of enabled packs into one small map under
// DESK_OVERRIDES_KEY, which content scripts read at start and follow through storage events, so
// open desk tabs pick a fix up without a reload.
import { SOURCE_ORDER } from '../core/pack/merge';
import { isDeskOverride, OVERRIDE_FIELDS, type DeskOverride, type DeskSelectorOverride, type OverrideField, type Pack } from '../core/pack/types';
import { ID_PATTERN, validatePack } from '../core/pack/validate';
import { serialQueue } from '../core/serial';
import { DESK_NAMES } from '../desks/names';
import { DESK_OVERRIDES_KEY } from '../desks/storage-keys';
import type { InstalledPack } from './install';
import { PACKS_KEY, readInstalled } from './installed';

export { DESK_OVERRIDES_KEY };
/** chrome.storage.local key: the fixes the lead approved, by pack id (the fixes themselves, as approved). */
export const OVERRIDE_APPROVALS_KEY = 'deskOverrideApprovals';

export type Approvals = Record<string, DeskOverride[]>;
/** Desk id → the selectors that replace its own. */
export type EffectiveOverrides = Record<string, DeskSelectorOverride>;

export function overridesOf(pack: Pack): DeskOverride[] {
  return (pack.desks ?? []).filter(isDeskOverride);
}

const same = (a: readonly DeskOverride[] | undefined, b: readonly DeskOverride[]) => !!a && JSON.stringify(a) === JSON.stringify(b);

/**
 * Approved fixes as stored, checked again like a pack's (storage is not trusted to hold only what the
 * options page wrote): anything that fails is dropped whole.
 */
export function checkedApprovals(stored: unknown): Approvals {
  const out: Approvals = {};
  if (!stored || typeof stored !== 'object' || Array.isArray(stored)) return out;
  for (const id of Object.keys(stored)) {
    if (!ID_PATTERN.test(id)) continue; // pack ids only: never "__proto__" and its kind
    const list = (stored as Record<string, unknown>)[id];
    if (!Array.isArray(list) || !list.length) continue;
    const r = validatePack({ schema: 1, id: 'approved', name: 'Approved fixes', version: '1.0.0', locale: 'en', phrases: [], desks: list });
    if (r.ok) out[id] = overridesOf(r.pack);
  }
  return out;
}

/** The fixes that run for a pack: policy's as sent, anyone else's as the lead approved them; none once a pack drops its fixes. */
function runningFixes(entry: InstalledPack, approvals: Approvals): DeskOverride[] {
  const current = overridesOf(entry.pack);
  if (entry.disabled || !current.length) return [];
  if (entry.source === 'policy') return current;
  return Object.hasOwn(approvals, entry.pack.id) ? approvals[entry.pack.id]! : [];
}

/** Every running fix folded into one map by desk; where two packs fix the same part, the higher source wins (policy over all). */
export function effectiveOverrides(installed: readonly InstalledPack[], approvals: Approvals): EffectiveOverrides {
  const out: EffectiveOverrides = {};
  const lowFirst = [...installed].sort((a, b) => SOURCE_ORDER.indexOf(b.source) - SOURCE_ORDER.indexOf(a.source));
  for (const entry of lowFirst) {
    for (const o of runningFixes(entry, approvals)) out[o.extends] = { ...(Object.hasOwn(out, o.extends) ? out[o.extends] : {}), ...o.selectors };
  }
  return out;
}

export interface OverrideOffer {
  packId: string;
  packName: string;
  /** The fixes the pack carries now. */
  overrides: DeskOverride[];
  /** running: approved as they are (or sent by policy); waiting: not approved in this form yet. */
  state: 'running' | 'waiting';
  fromPolicy: boolean;
}

/** Each enabled pack's fixes, and whether they run or wait for the lead. */
export function overrideOffers(installed: readonly InstalledPack[], approvals: Approvals): OverrideOffer[] {
  return installed.flatMap((entry) => {
    const overrides = overridesOf(entry.pack);
    if (entry.disabled || !overrides.length) return [];
    const fromPolicy = entry.source === 'policy';
    const approved = Object.hasOwn(approvals, entry.pack.id) ? approvals[entry.pack.id] : undefined;
    return [{ packId: entry.pack.id, packName: entry.pack.name, overrides, fromPolicy, state: fromPolicy || same(approved, overrides) ? 'running' : 'waiting' }];
  });
}

// What a fix changes, as parts: the options page words them in the UI language (src/options/desk-fix-words.ts).

/** Each desk a fix touches, by name, with the parts it reads differently. */
export function overrideChanges(list: readonly DeskOverride[]): { desk: string; fields: OverrideField[] }[] {
  const byDesk = new Map<string, Set<OverrideField>>();
  for (const o of list) {
    const fields = byDesk.get(o.extends) ?? new Set<OverrideField>();
    for (const f of OVERRIDE_FIELDS) if (o.selectors[f]) fields.add(f);
    byDesk.set(o.extends, fields);
  }
  return [...byDesk].map(([desk, fields]) => ({ desk: deskName(desk), fields: [...fields] }));
}

export interface OverrideSelector {
  desk: string;
  field: OverrideField;
  selector: string;
}

/** Each selector a fix sets, for the lead to read before approving. */
export function overrideSelectors(list: readonly DeskOverride[]): OverrideSelector[] {
  return list.flatMap((o) => OVERRIDE_FIELDS.filter((f) => o.selectors[f]).map((f) => ({ desk: deskName(o.extends), field: f, selector: o.selectors[f]! })));
}

/** Each selector of `list` that `check` (the options page's CSS parse) refuses, with the reason. */
export function unusableSelectors(list: readonly DeskOverride[], check: (s: string) => string | undefined): (OverrideSelector & { problem: string })[] {
  return overrideSelectors(list).flatMap((s) => {
    const problem = check(s.selector);
    return problem ? [{ ...s, problem }] : [];
  });
}

const deskName = (id: string) => DESK_NAMES[id] ?? id;

export async function readApprovals(): Promise<Approvals> {
  return checkedApprovals((await chrome.storage.local.get(OVERRIDE_APPROVALS_KEY))[OVERRIDE_APPROVALS_KEY]);
}

/** The lead approves `overrides` as `packId` carries them now. */
export async function approveOverrides(packId: string, overrides: DeskOverride[]): Promise<void> {
  const approvals = await readApprovals();
  await chrome.storage.local.set({ [OVERRIDE_APPROVALS_KEY]: { ...approvals, [packId]: overrides } });
}

/** Stops a pack's fixes: they wait for the lead again. */
export async function withdrawOverrides(packId: string): Promise<void> {
  const { [packId]: _gone, ...rest } = await readApprovals();
  await chrome.storage.local.set({ [OVERRIDE_APPROVALS_KEY]: rest });
}

const serial = serialQueue((err) => console.warn('[Person First] desk fixes', err));

/** Writes the map content scripts read, when it differs from the stored one (every write wakes every desk tab). */
export function syncDeskOverrides(): Promise<void> {
  return serial(async () => {
    const next = effectiveOverrides(await readInstalled(), await readApprovals());
    const stored = (await chrome.storage.local.get(DESK_OVERRIDES_KEY))[DESK_OVERRIDES_KEY];
    if (JSON.stringify(stored ?? {}) !== JSON.stringify(next)) await chrome.storage.local.set({ [DESK_OVERRIDES_KEY]: next });
  });
}

/** Keeps the map in step with the packs and approvals (service worker). */
export function startDeskOverrideSync(): void {
  const sync = () => void syncDeskOverrides().catch(() => undefined);
  sync();
  chrome.storage.onChanged.addListener((changes, area) => {
    if (area === 'local' && (PACKS_KEY in changes || OVERRIDE_APPROVALS_KEY in changes)) sync();
  });
}
