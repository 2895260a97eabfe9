// Custom desks: a company's own (or self-hosted) help desk described as data, optionally starting
// from a preset. The definition type is the pack's (src/core/pack/types.ts), plus `preset`.
// Nothing here throws on bad input: an invalid regex matches no ticket, an invalid selector is a
// missing field. Runs on the same engine as the built-in desks (common.ts).
import type { CustomDeskDefinition as PackDeskDefinition } from '../core/pack/types';
import { deskAdapter, type DeskSpec } from './common';
import { PRESETS } from './presets';
import type { DeskAdapter } from './types';

/** The pack's desk definition; `preset` names an entry of PRESETS whose selectors and URL regex fill
 *  in whatever the definition leaves out. */
export type CustomDeskDefinition = PackDeskDefinition & { preset?: string };

const NEVER = /$^/;

/** The regex, or one that never matches when the source does not compile or has no capture group. */
export function ticketRegex(source: string | undefined): RegExp {
  if (!source || source.length > 500) return NEVER;
  try {
    const re = new RegExp(source);
    // Counts the groups without trusting the pattern on a real URL: an alternation with the empty
    // string always matches and yields one slot per group.
    const groups = new RegExp(`${source}|`).exec('')!.length - 1;
    return groups >= 1 ? re : NEVER;
  } catch {
    return NEVER;
  }
}

const one = (s: string | undefined) => (s?.trim() ? [s.trim()] : undefined);

export function customAdapter(def: CustomDeskDefinition): DeskAdapter {
  const preset = def.preset ? PRESETS[def.preset] : undefined;
  const sel = { ...preset?.selectors, ...def.selectors };
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
    editor: one(sel.editor) ?? [],
    composer: sel.editor?.trim() || undefined,
  };
  return deskAdapter(spec);
}
