// Which of the pack's phrases fit the moment the cues describe. Pure: the panel's phrase list
// keeps its search and step logic, and only its order changes (and a waiting line is pinned).
import type { Cue } from '../../core/cues';
import type { TicketFacts } from '../../core/ticket-facts';

export interface CuePhrasePlan {
  /** Phrase tags to bring to the front of the list, strongest first. */
  preferTags: string[];
  /** Put a "thanks for waiting" greeting first, whatever step is showing. */
  waitingFirst: boolean;
}

/**
 * Tags in the default pack: "repeat" names how often they wrote, "waiting" thanks for waiting, "closing"
 * closes warmly. The facts lead: a customer who wrote three times hears that first, calm or not.
 */
export function cuePhrasePlan(cues: readonly Cue[], facts: { contacts: Pick<TicketFacts['contacts'], 'count'>; wait?: Pick<TicketFacts['wait'], 'waited'> }): CuePhrasePlan {
  const tags: string[] = [];
  const has = (kind: Cue['kind']) => cues.some((c) => c.kind === kind);
  // The same count the phrases, the card and the cue hint say ("3 times"), so the list leads with them.
  if ((facts.contacts.count ?? 0) >= 2) tags.push('repeat');
  const waitingFirst = has('waiting');
  if (waitingFirst || facts.wait?.waited) tags.push('waiting', 'patience');
  if (has('happy')) tags.push('closing');
  return { preferTags: tags, waitingFirst };
}

/** Phrases whose conditions name this ticket's situation (and hold, or they would not be listed) before general ones. */
export function specificFirst<T extends { when?: unknown }>(phrases: readonly T[]): T[] {
  return [...phrases.filter((p) => p.when !== undefined), ...phrases.filter((p) => p.when === undefined)];
}

/** Phrases carrying a preferred tag first (the earlier the tag, the earlier the phrase); otherwise the order is kept. */
export function orderByTags<T extends { tags?: readonly string[] }>(phrases: readonly T[], preferTags: readonly string[]): T[] {
  if (!preferTags.length) return [...phrases];
  const rank = (p: T) => {
    let best = preferTags.length;
    for (const t of p.tags ?? []) {
      const i = preferTags.indexOf(t);
      if (i >= 0 && i < best) best = i;
    }
    return best;
  };
  return phrases.map((p, i) => ({ p, i, r: rank(p) })).sort((a, b) => a.r - b.r || a.i - b.i).map((x) => x.p);
}
