// Custom desks: a company's own (or self-hosted) help desk described as data, optionally starting
// from a preset. The definition type is the pack format's (src/core/pack/types.ts), `preset` included.
// Nothing here throws on bad input: an invalid regex matches no ticket, an invalid selector is a
// missing field. Runs on the same engine as the built-in desks (common.ts).
import { LinearRegExp } from '../core/linear-regex';
import type { CustomDeskDefinition, CustomDeskSelectors } from '../core/pack/types';
import { matchesPattern } from './match';
import { deskAdapter, type DeskSpec } from './common';
import { presetOf } from './presets';
import type { DeskAdapter } from './types';

export type { CustomDeskDefinition };

export type TicketUrlMatcher = Pick<LinearRegExp, 'exec' | 'source'>;
const NEVER: TicketUrlMatcher = { source: '$^', exec: () => null };

/**
 * The ticket URL pattern as a matcher that cannot backtrack (the content script shares the desk
 * page's main thread, so "(a+)+" in the browser's engine froze the page), or one that never matches
 * when the source is too long, uses syntax the matcher does not read, or has no capture group.
 */
export function ticketRegex(source: string | undefined): TicketUrlMatcher {
  if (!source || source.length > 500) return NEVER;
  try {
    const re = new LinearRegExp(source);
    return re.groups >= 1 ? re : NEVER;
  } catch {
    return NEVER;
  }
}

const one = (s: string | undefined) => (s?.trim() ? [s.trim()] : undefined);

/** The definition's selectors over the preset's: a selector the definition leaves out (or blank) comes from the preset. */
export function mergedSelectors(def: Pick<CustomDeskDefinition, 'preset' | 'selectors'>): CustomDeskSelectors {
  const out: CustomDeskSelectors = { ...presetOf(def.preset)?.selectors };
  for (const [k, v] of Object.entries(def.selectors ?? {}) as [keyof CustomDeskSelectors, string | undefined][]) if (v?.trim()) out[k] = v;
  return out;
}

export function customAdapter(def: CustomDeskDefinition): DeskAdapter {
  const preset = presetOf(def.preset);
  const sel = mergedSelectors(def);
  const spec: DeskSpec = {
    id: def.id,
    name: def.name,
    matches: def.matches,
    url: ticketRegex(def.ticketUrlPattern?.trim() || preset?.ticketUrlPattern),
    fullUrl: true,
    scope: one(sel.active),
    subject: one(sel.subject),
    customerName: one(sel.customerName),
    email: one(sel.customerEmail),
    messages: sel.messages?.trim() || undefined,
    customer: sel.customerMessage?.trim() || undefined,
    newestFirst: preset?.newestFirst,
    idIn: preset?.idIn,
    number: one(preset?.number),
    title: preset?.title,
    editor: one(sel.editor) ?? [],
    composer: sel.editor?.trim() || undefined,
    composers: preset?.composers,
    opener: one(preset?.opener),
  };
  return deskAdapter(spec);
}

/** The stored custom desk whose match patterns cover the page, as an adapter; null when none does.
 *  Input is whatever storage holds: anything that is not a definition is skipped. */
export function customAdapterFor(url: URL, stored: unknown): DeskAdapter | null {
  if (!Array.isArray(stored)) return null;
  for (const def of stored as CustomDeskDefinition[]) {
    if (!def || typeof def.id !== 'string' || !Array.isArray(def.matches)) continue;
    if (def.matches.some((p) => typeof p === 'string' && matchesPattern(p, url))) return customAdapter(def);
  }
  return null;
}
