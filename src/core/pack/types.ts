import type { Channel } from '../ticket';
import type { StepId } from '../steps';
import type { CueKind, CueRulesOverride } from '../cues/rules';
import type { KeyFactKind } from '../key-facts';

export const PACK_SCHEMA_VERSION = 1;

export interface Phrase {
  id: string;
  step: StepId;
  text: string;
  /** Channels the phrase fits; absent means every channel. */
  channels?: Channel[];
  tags?: string[];
  /** Short label for lists; the text itself is used when absent. */
  title?: string;
  /** What the phrase assumes about the ticket; it is suggested only when all of it holds (src/core/phrase-conditions.ts). */
  when?: PhraseWhen;
}

/**
 * Conditions on the ticket's facts. Every field given must hold; a list holds when any entry does.
 * The validator turns single values into one-entry lists.
 */
export interface PhraseWhen {
  /** How many times they have been in touch, this time included: ">=2", ">1", "<=1", "1". */
  contacts?: string;
  /** They waited for us (chat past the waiting threshold, email past 4 hours, or they said so); false: they did not. */
  waited?: boolean;
  /** The next reply is the agent's first (true) or not (false). */
  firstReply?: boolean;
  /** Any of these cues shows. */
  cue?: CueKind[];
  /** The ticket shows a fact of any of these kinds (an order number, an amount…). */
  fact?: KeyFactKind[];
  /** The ticket is on any of these channels. */
  channel?: Channel[];
  /** The customer's subject or latest message uses any of these words or phrases (whole words). */
  mentions?: string[];
  /** Something only the agent can know ("it was our mistake"): never suggested, found by search and marked with it. */
  agentKnows?: string;
}

/** A pack's override of a default step's title or hint; ids must be known steps. */
export interface StepOverride {
  id: StepId;
  title?: string;
  hint?: string;
}

export interface CustomDeskSelectors {
  active?: string;
  subject?: string;
  customerName?: string;
  customerEmail?: string;
  messages?: string;
  customerMessage?: string;
  editor?: string;
}

/** Self-hosted desks whose URL shapes and selectors Person First knows (src/desks/presets.ts holds them):
 *  a custom desk naming one gets every selector it leaves out from the preset. */
export const DESK_PRESETS = {
  zammad: 'Zammad',
  freescout: 'FreeScout',
  osticket: 'osTicket',
  chatwoot: 'Chatwoot',
  jira: 'Jira Service Management',
} as const;
export type DeskPresetId = keyof typeof DESK_PRESETS;
export const DESK_PRESET_IDS = Object.keys(DESK_PRESETS) as DeskPresetId[];

/** A company's own help desk described as data (no code), shipped inside a pack or added in the options page. */
export interface CustomDeskDefinition {
  id: string;
  name: string;
  /** Manifest-style match patterns, e.g. "https://desk.example.com/*". */
  matches: string[];
  /** Regex source with one capture group that yields the ticket id from the URL. */
  ticketUrlPattern: string;
  /** A key of DESK_PRESETS: fills the selectors this definition leaves out. */
  preset?: string;
  selectors?: CustomDeskSelectors;
}

/** The built-in (hosted) desks by id, as a pack may name them in a selector override; src/desks/names.ts
 *  names the same desks for the panel and tests/unit/desk-overrides.test.ts keeps both equal to DESKS. */
export const BUILT_IN_DESK_IDS = ['zendesk', 'freshdesk', 'helpscout', 'intercom', 'front', 'gorgias', 'zoho', 'hubspot'] as const;
export type BuiltInDeskId = (typeof BUILT_IN_DESK_IDS)[number];

/** The parts of a built-in desk's page a pack may point elsewhere: the fields desk health watches, the
 *  conversation and the reply box. Each is one CSS selector that replaces the desk's own for that part. */
export const OVERRIDE_FIELDS = ['subject', 'customerName', 'customerEmail', 'channel', 'messages', 'customerMessage', 'editor'] as const;
export type OverrideField = (typeof OVERRIDE_FIELDS)[number];
export type DeskSelectorOverride = Partial<Record<OverrideField, string>>;

/** A fix for a built-in desk whose page changed, shipped without a release: `{ "extends": "zendesk", "selectors": { "subject": "…" } }`.
 *  It lives in a pack's "desks" list beside custom desks; nothing in it runs until the lead has seen it (or policy sent it). */
export interface DeskOverride {
  extends: BuiltInDeskId;
  selectors: DeskSelectorOverride;
}

export type PackDesk = CustomDeskDefinition | DeskOverride;

export const isDeskOverride = (d: PackDesk): d is DeskOverride => 'extends' in d;

export interface Pack {
  schema: 1;
  id: string;
  name: string;
  version: string;
  locale: string;
  description?: string;
  author?: string;
  locked?: boolean;
  steps?: StepOverride[];
  phrases: Phrase[];
  /** Custom desks, and selector overrides for built-in desks (DeskOverride). */
  desks?: PackDesk[];
  /** Changes to the cue rules (word lists, weights, thresholds): any part, merged over the defaults. */
  cues?: CueRulesOverride;
}

export interface PackError {
  /** JSON-pointer-like path of the offending value, e.g. "/phrases/3/text"; "" for the whole document. */
  path: string;
  /** 1-based; 0 when the position is unknown (already-parsed input). */
  line: number;
  column: number;
  /** Plain English, says what to fix. */
  message: string;
}

export type PackResult = { ok: true; pack: Pack } | { ok: false; errors: PackError[] };

/** A real pack is tens of kilobytes (the built-in one is 20 KB); a cap well above that keeps a
 *  hostile or broken file from costing seconds and hundreds of megabytes to read and report. */
export const MAX_PACK_BYTES = 1024 * 1024;
/** Deeper than any valid pack (cue rules are the deepest part, at 6): past this is refused unread. */
export const MAX_PACK_DEPTH = 16;
export const MAX_PHRASES = 20_000;
export const MAX_PHRASE_TEXT = 2000;
export const MAX_SHORT_TEXT = 200;
export const MAX_DESCRIPTION = 2000;
/** A pack's cue rules, as JSON: enough for long word lists, small enough to stay cheap. */
export const MAX_CUES_CHARS = 200_000;
export const MAX_DESKS = 50;
export const MAX_MENTIONS = 30;
export const MAX_MENTION_LENGTH = 60;
export const MAX_AGENT_KNOWS = 120;
