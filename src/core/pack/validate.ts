/**
 * Pack validation, hand-written because the extension's CSP forbids the code generation
 * that schema compilers use. public/packs/pack.schema.json states the same rules for editors;
 * tests/unit/pack-schema.test.ts keeps the two in step.
 */
import type { Channel } from '../ticket';
import { boundedDistance } from '../search';
import { isSemver } from '../semver';
import { STEP_IDS, type StepId } from '../steps';
import { CUE_KINDS, type CueKind, type CueRulesOverride } from '../cues/rules';
import { MAX_CUE_PATTERN_COST, patternCost, patternProblem } from '../cues/pattern';
import { CUE_SHAPE, MAX_CUE_PATTERN, MAX_CUE_SIGNALS, MAX_CUE_WORD, NEW_SIGNAL_REQUIRED, RESERVED_SIGNAL_NAMES, SIGNAL_NAME_PATTERN, SIGNAL_SHAPE, type CueShape } from './cue-shape';
import { KEY_FACT_KINDS, type KeyFactKind } from '../key-facts';
import { LinearRegExp, PatternSyntaxError } from '../linear-regex';
import { parseComparison } from '../phrase-conditions';
import { KNOWN_PLACEHOLDERS, unknownPlaceholder } from '../placeholders';
import { escapePointerToken, lineColumnFinder, offsetOf, parseJsonWithPositions } from './json-position';
import {
  MAX_AGENT_KNOWS,
  MAX_CUES_CHARS,
  MAX_MENTIONS,
  MAX_MENTION_LENGTH,
  MAX_DESCRIPTION,
  DESK_PRESET_IDS,
  DESK_PRESETS,
  MAX_DESKS,
  MAX_PACK_BYTES,
  MAX_PACK_DEPTH,
  MAX_PHRASES,
  MAX_PHRASE_TEXT,
  MAX_SHORT_TEXT,
  BUILT_IN_DESK_IDS,
  OVERRIDE_FIELDS,
  type CustomDeskDefinition,
  type DeskOverride,
  type DeskSelectorOverride,
  type PackDesk,
  type CustomDeskSelectors,
  type Pack,
  type PackError,
  type PackResult,
  type Phrase,
  type PhraseWhen,
  type StepOverride,
} from './types';

const CHANNEL_MAP: Record<Channel, true> = { chat: true, email: true, messaging: true, phone: true, other: true };
/** Every Channel, checked against the type so a new channel cannot be forgotten here. */
export const CHANNELS = Object.keys(CHANNEL_MAP) as Channel[];

export const PACK_REQUIRED_KEYS = ['schema', 'id', 'name', 'version', 'locale', 'phrases'] as const;
export const PHRASE_REQUIRED_KEYS = ['id', 'step', 'text'] as const;
export const DESK_REQUIRED_KEYS = ['id', 'name', 'matches', 'ticketUrlPattern'] as const;

const PACK_KEYS = [...PACK_REQUIRED_KEYS, '$schema', 'description', 'author', 'locked', 'steps', 'desks', 'cues'];
const PHRASE_KEYS = [...PHRASE_REQUIRED_KEYS, 'channels', 'tags', 'title', 'when'];
/** The conditions a phrase's "when" may state (PhraseWhen says what each means). */
export const WHEN_KEYS = ['contacts', 'waited', 'firstReply', 'cue', 'fact', 'channel', 'mentions', 'agentKnows'] as const;
const STEP_KEYS = ['id', 'title', 'hint'];
const DESK_KEYS = [...DESK_REQUIRED_KEYS, 'preset', 'selectors'];
const SELECTOR_KEYS: (keyof CustomDeskSelectors)[] = ['active', 'subject', 'customerName', 'customerEmail', 'messages', 'customerMessage', 'editor'];
export const DESK_OVERRIDE_KEYS = ['extends', 'selectors'] as const;

export const ID_PATTERN = /^[A-Za-z0-9][A-Za-z0-9._:-]{0,99}$/;
export const LOCALE_PATTERN = /^[a-z]{2,3}(-[A-Za-z0-9]{2,8})*$/;
export const MATCH_PATTERN = /^(https?|\*):\/\/(\*|\*\.[^/*]+|[^/*]+)\/.*$/;
export const MAX_TAGS = 20;
export const MAX_TAG_LENGTH = 50;
export const MAX_HINT = 500;
export const MAX_SELECTOR = 500;
/** The "$schema" address: a URL or a relative path. */
export const MAX_SCHEMA_URL = 2000;
/** Enough to say what is wrong without drowning the reader. */
const MAX_ERRORS = 50;

type Obj = Record<string, unknown>;

const isObject = (v: unknown): v is Obj => typeof v === 'object' && v !== null && !Array.isArray(v);
/** A field of pack data, never one inherited from Object.prototype. */
const own = (obj: Obj, key: string): unknown => (Object.hasOwn(obj, key) ? obj[key] : undefined);

function typeName(v: unknown): string {
  if (v === null) return 'null';
  if (Array.isArray(v)) return 'a list';
  if (typeof v === 'string') return 'text';
  if (typeof v === 'number') return 'a number';
  if (typeof v === 'boolean') return v ? 'true' : 'false';
  return 'an object';
}

function closest(word: string, options: readonly string[]): string | undefined {
  const w = word.toLowerCase();
  return options.find((o) => {
    const l = o.toLowerCase();
    return l === w || l.startsWith(w) || w.startsWith(l) || boundedDistance(l, w, 2) <= 2;
  });
}

/** Options for a check made where a page can parse CSS (the options page): see selectorProblem. */
export interface ValidateOptions {
  /** Why a selector cannot be used, or undefined when it can. */
  selectorProblem?: (s: string) => string | undefined;
}

/** Collects problems; stops counting detail after MAX_ERRORS so a broken huge pack stays quick. */
class Problems {
  constructor(readonly opts: ValidateOptions = {}) {}
  readonly list: PackError[] = [];
  extra = 0;
  add(path: string, message: string): void {
    if (this.list.length < MAX_ERRORS) this.list.push({ path, line: 0, column: 0, message });
    else this.extra++;
  }
  get full(): boolean {
    return this.list.length >= MAX_ERRORS;
  }
}

function checkKeys(p: Problems, obj: Obj, allowed: readonly string[], path: string, what: string): void {
  for (const key of Object.keys(obj)) {
    if (allowed.includes(key)) continue;
    // Past the error cap the message is never shown: skip the costly "did you mean".
    const hint = p.full ? undefined : closest(key, allowed);
    p.add(
      `${path}/${escapePointerToken(key)}`,
      `Unknown field "${key}" in ${what}.${hint ? ` Did you mean "${hint}"?` : ` Allowed fields: ${allowed.filter((k) => k !== '$schema').join(', ')}.`}`,
    );
  }
}

function requireKeys(p: Problems, obj: Obj, required: readonly string[], path: string, what: string): boolean {
  let ok = true;
  for (const key of required) {
    if (!(key in obj)) {
      p.add(`${path}/${key}`, `${what} is missing the required field "${key}".`);
      ok = false;
    }
  }
  return ok;
}

function text(p: Problems, v: unknown, path: string, label: string, max: number, opts: { allowEmpty?: boolean } = {}): string | undefined {
  if (typeof v !== 'string') {
    p.add(path, `${label} must be text in double quotes, not ${typeName(v)}.`);
    return undefined;
  }
  if (!opts.allowEmpty && v.trim() === '') {
    p.add(path, `${label} is empty; write something or remove the field.`);
    return undefined;
  }
  // Characters are counted as JSON Schema's maxLength counts them (code points: an emoji is one), so
  // the schema and the validator agree; only a text over the limit in UTF-16 units needs the count.
  const length = v.length > max ? codePoints(v) : v.length;
  if (length > max) {
    p.add(path, `${label} is ${length.toLocaleString('en')} characters long; the limit is ${max.toLocaleString('en')}. Shorten it.`);
    return undefined;
  }
  return v;
}

/** Length in Unicode code points, as JSON Schema counts a string's length. */
export function codePoints(s: string): number {
  let n = s.length;
  for (let k = 0; k < s.length - 1; k++) {
    const c = s.charCodeAt(k);
    if (c >= 0xd800 && c <= 0xdbff) {
      const d = s.charCodeAt(k + 1);
      if (d >= 0xdc00 && d <= 0xdfff) {
        n--;
        k++;
      }
    }
  }
  return n;
}

/** Control characters and the bidi overrides, isolates and marks that can make a name read as
 *  something else ("ACME\u202Ekcap" shows as "ACMEpack"): never in a name someone trusts on sight. */
export const SPOOFING_CHARS = /[\u0000-\u001f\u007f-\u009f\u061c\u200e\u200f\u202a-\u202e\u2066-\u2069]/;

/** Text shown as a name (pack, author, desk): as `text`, and without invisible direction or control characters. */
function label(p: Problems, v: unknown, path: string, what: string, max: number, opts: { allowEmpty?: boolean } = {}): string | undefined {
  const s = text(p, v, path, what, max, opts);
  if (s === undefined || !SPOOFING_CHARS.test(s)) return s;
  const at = s.search(SPOOFING_CHARS);
  p.add(path, `${what} contains an invisible control or text-direction character (U+${s.charCodeAt(at).toString(16).toUpperCase().padStart(4, '0')} at position ${at + 1}), which can make it read as another name. Remove it.`);
  return undefined;
}

function identifier(p: Problems, v: unknown, path: string, label: string): string | undefined {
  const s = text(p, v, path, label, 100);
  if (s === undefined) return undefined;
  if (!ID_PATTERN.test(s)) {
    p.add(path, `${label} "${s}" may use only letters, digits, ".", "_", ":" and "-", and must start with a letter or digit.`);
    return undefined;
  }
  return s;
}

function stepId(p: Problems, v: unknown, path: string): StepId | undefined {
  if (typeof v === 'string' && (STEP_IDS as readonly string[]).includes(v)) return v as StepId;
  if (typeof v !== 'string') {
    p.add(path, `The step must be one of ${STEP_IDS.join(', ')}, not ${typeName(v)}.`);
  } else {
    const hint = p.full ? undefined : closest(v, STEP_IDS);
    p.add(path, `Unknown step "${v}".${hint ? ` Did you mean "${hint}"?` : ''} Use one of: ${STEP_IDS.join(', ')}.`);
  }
  return undefined;
}

function stringList(p: Problems, v: unknown, path: string, label: string, maxItems: number, maxLength: number): string[] | undefined {
  if (!Array.isArray(v)) {
    p.add(path, `${label} must be a list like ["a", "b"], not ${typeName(v)}.`);
    return undefined;
  }
  if (v.length > maxItems) {
    p.add(path, `${label} has ${v.length} entries; the limit is ${maxItems}.`);
    return undefined;
  }
  const out: string[] = [];
  v.forEach((item, k) => {
    const s = text(p, item, `${path}/${k}`, `Each entry of ${label.toLowerCase()}`, maxLength);
    if (s !== undefined) out.push(s);
  });
  return out.length === v.length ? out : undefined;
}

function validateChannels(p: Problems, v: unknown, path: string): Channel[] | undefined {
  if (!Array.isArray(v)) {
    p.add(path, `"channels" must be a list like ["chat", "email"], not ${typeName(v)}.`);
    return undefined;
  }
  const out: Channel[] = [];
  let ok = true;
  v.forEach((c, k) => {
    if (typeof c === 'string' && Object.hasOwn(CHANNEL_MAP, c)) {
      if (out.includes(c as Channel)) {
        p.add(`${path}/${k}`, `Channel "${c}" is listed twice; remove one.`);
        ok = false;
      } else out.push(c as Channel);
    } else {
      p.add(`${path}/${k}`, `Unknown channel ${typeof c === 'string' ? `"${c}"` : typeName(c)}. Use one of: ${CHANNELS.join(', ')}.`);
      ok = false;
    }
  });
  if (ok && out.length === 0) {
    p.add(path, `"channels" is an empty list, so the phrase would never show. Remove the field to allow every channel.`);
    ok = false;
  }
  return ok ? out : undefined;
}

/** One value or a list of values from `allowed`, as a list without repeats. */
function oneOrMany<T extends string>(p: Problems, v: unknown, path: string, field: string, allowed: readonly T[], example: string): T[] | undefined {
  const list = Array.isArray(v) ? v : [v];
  const at = (k: number) => (Array.isArray(v) ? `${path}/${k}` : path);
  if (Array.isArray(v) && v.length === 0) {
    p.add(path, `"${field}" is an empty list, so the phrase would never show. Name at least one, like ${example}, or remove it.`);
    return undefined;
  }
  const out: T[] = [];
  let ok = true;
  list.forEach((item, k) => {
    if (typeof item === 'string' && (allowed as readonly string[]).includes(item)) {
      if (out.includes(item as T)) {
        p.add(at(k), `"${item}" is listed twice in "${field}"; remove one.`);
        ok = false;
      } else out.push(item as T);
      return;
    }
    const hint = typeof item === 'string' ? closest(item, allowed) : undefined;
    p.add(at(k), `Unknown ${field} ${typeof item === 'string' ? `"${item}"` : typeName(item)}.${hint ? ` Did you mean "${hint}"?` : ''} Use one of: ${allowed.join(', ')}.`);
    ok = false;
  });
  return ok ? out : undefined;
}

function boolean(p: Problems, v: unknown, path: string, field: string): boolean | undefined {
  if (typeof v === 'boolean') return v;
  p.add(path, `"${field}" must be true or false (without quotes), not ${typeName(v)}.`);
  return undefined;
}

/** A phrase's conditions on the ticket's facts; every error names the exact field. */
function validateWhen(p: Problems, v: unknown, path: string): PhraseWhen | undefined {
  if (!isObject(v)) {
    p.add(path, `"when" must be an object of conditions like {"contacts": ">=2"}, not ${typeName(v)}.`);
    return undefined;
  }
  const before = p.list.length + p.extra;
  checkKeys(p, v, WHEN_KEYS, path, '"when"');
  if (Object.keys(v).length === 0) p.add(path, `"when" is empty; add a condition like {"contacts": ">=2"} or remove it.`);
  const when: PhraseWhen = {};
  const contacts = own(v, 'contacts');
  if (contacts !== undefined) {
    if (typeof contacts !== 'string' || !parseComparison(contacts)) {
      p.add(`${path}/contacts`, `"contacts" must be text comparing the number of contacts, like ">=2" (wrote before) or "1" (first contact), not ${typeof contacts === 'string' ? `"${contacts}"` : typeName(contacts)}.`);
    } else when.contacts = contacts.replace(/\s+/g, '');
  }
  const waited = own(v, 'waited');
  if (waited !== undefined) {
    const b = boolean(p, waited, `${path}/waited`, 'waited');
    if (b !== undefined) when.waited = b;
  }
  const firstReply = own(v, 'firstReply');
  if (firstReply !== undefined) {
    const b = boolean(p, firstReply, `${path}/firstReply`, 'firstReply');
    if (b !== undefined) when.firstReply = b;
  }
  const cue = own(v, 'cue');
  if (cue !== undefined) {
    const kinds = oneOrMany<CueKind>(p, cue, `${path}/cue`, 'cue', CUE_KINDS, '"frustration"');
    if (kinds) when.cue = kinds;
  }
  const fact = own(v, 'fact');
  if (fact !== undefined) {
    const kinds = oneOrMany<KeyFactKind>(p, fact, `${path}/fact`, 'fact', KEY_FACT_KINDS, '"order"');
    if (kinds) when.fact = kinds;
  }
  const channel = own(v, 'channel');
  if (channel !== undefined) {
    const list = oneOrMany<Channel>(p, channel, `${path}/channel`, 'channel', CHANNELS, '["chat"]');
    if (list) when.channel = list;
  }
  const words = own(v, 'mentions');
  if (words !== undefined) {
    const list = typeof words === 'string' ? text(p, words, `${path}/mentions`, '"mentions"', MAX_MENTION_LENGTH) : stringList(p, words, `${path}/mentions`, '"mentions"', MAX_MENTIONS, MAX_MENTION_LENGTH);
    if (Array.isArray(words) && words.length === 0) p.add(`${path}/mentions`, `"mentions" is an empty list, so the phrase would never show. Name a word, like ["delivery"], or remove it.`);
    else if (typeof list === 'string') when.mentions = [list];
    else if (list) when.mentions = list;
  }
  const agentKnows = own(v, 'agentKnows');
  if (agentKnows !== undefined) {
    const s = text(p, agentKnows, `${path}/agentKnows`, '"agentKnows"', MAX_AGENT_KNOWS);
    if (s !== undefined) when.agentKnows = s;
  }
  return p.list.length + p.extra === before ? when : undefined;
}

function validatePhrase(p: Problems, v: unknown, path: string, seen: Map<string, number>, index: number): Phrase | undefined {
  if (!isObject(v)) {
    p.add(path, `Each phrase must be an object like {"id": "...", "step": "...", "text": "..."}, not ${typeName(v)}.`);
    return undefined;
  }
  const before = p.list.length + p.extra;
  checkKeys(p, v, PHRASE_KEYS, path, 'a phrase');
  requireKeys(p, v, PHRASE_REQUIRED_KEYS, path, `Phrase ${index}`);
  const id = 'id' in v ? identifier(p, v.id, `${path}/id`, 'The phrase id') : undefined;
  if (id !== undefined) {
    const first = seen.get(id);
    if (first !== undefined) p.add(`${path}/id`, `The phrase id "${id}" is already used by phrase ${first}; phrase ids must be unique.`);
    else seen.set(id, index);
  }
  const step = 'step' in v ? stepId(p, v.step, `${path}/step`) : undefined;
  const body = 'text' in v ? text(p, v.text, `${path}/text`, 'The phrase text', MAX_PHRASE_TEXT) : undefined;
  const unknown = body !== undefined ? unknownPlaceholder(body) : undefined;
  if (unknown !== undefined) p.add(`${path}/text`, unknownPlaceholderMessage(unknown, p.full));
  const channels = v.channels !== undefined ? validateChannels(p, v.channels, `${path}/channels`) : undefined;
  const tags = v.tags !== undefined ? stringList(p, v.tags, `${path}/tags`, '"tags"', MAX_TAGS, MAX_TAG_LENGTH) : undefined;
  const title = v.title !== undefined ? text(p, v.title, `${path}/title`, 'The phrase title', MAX_SHORT_TEXT) : undefined;
  const rawWhen = own(v, 'when');
  const when = rawWhen !== undefined ? validateWhen(p, rawWhen, `${path}/when`) : undefined;
  if (p.list.length + p.extra !== before || id === undefined || step === undefined || body === undefined) return undefined;
  // Fresh object with known keys only: nothing unexpected travels into storage or the UI.
  const phrase: Phrase = { id, step, text: body };
  if (channels) phrase.channels = channels;
  if (tags) phrase.tags = tags;
  if (title !== undefined) phrase.title = title;
  if (when) phrase.when = when;
  return phrase;
}

/** Says which placeholder cannot be filled and the one probably meant: the phrase would otherwise always use its fallback. */
function unknownPlaceholderMessage(token: string, quiet: boolean): string {
  const name = token.slice(2, -2).split('|')[0]!.trim();
  if (/^ask\s*:/.test(name)) return `${token} needs a label, like {{ask:Order number}}.`;
  const hint = quiet ? undefined : closest(name, KNOWN_PLACEHOLDERS);
  return `Unknown placeholder ${token}: it would never be filled.${hint ? ` Did you mean {{${hint}}}?` : ''} Known ones are ${KNOWN_PLACEHOLDERS.join(', ')} and ask:Label.`;
}

function validateSteps(p: Problems, v: unknown, path: string): StepOverride[] | undefined {
  if (!Array.isArray(v)) {
    p.add(path, `"steps" must be a list of {"id", "title", "hint"} objects, not ${typeName(v)}.`);
    return undefined;
  }
  const out: StepOverride[] = [];
  const seen = new Set<string>();
  v.forEach((s, k) => {
    const sp = `${path}/${k}`;
    if (!isObject(s)) {
      p.add(sp, `Each step must be an object like {"id": "empathize", "title": "...", "hint": "..."}, not ${typeName(s)}.`);
      return;
    }
    checkKeys(p, s, STEP_KEYS, sp, 'a step');
    if (!('id' in s)) {
      p.add(`${sp}/id`, `Step ${k} is missing the required field "id".`);
      return;
    }
    const id = stepId(p, s.id, `${sp}/id`);
    if (id && seen.has(id)) p.add(`${sp}/id`, `Step "${id}" appears twice in "steps"; keep one.`);
    const title = s.title !== undefined ? text(p, s.title, `${sp}/title`, 'The step title', MAX_SHORT_TEXT) : undefined;
    const hint = s.hint !== undefined ? text(p, s.hint, `${sp}/hint`, 'The step hint', MAX_HINT) : undefined;
    if (!id || seen.has(id)) return;
    seen.add(id);
    const o: StepOverride = { id };
    if (title !== undefined) o.title = title;
    if (hint !== undefined) o.hint = hint;
    out.push(o);
  });
  return out;
}

/** Capture groups of a ticket URL pattern, or why the matcher custom desks use cannot run it. */
function captureGroups(source: string): number | string {
  try {
    return new LinearRegExp(source).groups;
  } catch (e) {
    if (e instanceof PatternSyntaxError) return `it uses ${e.message}`;
    return 'it is not a valid regular expression';
  }
}

/** A host of "*", or "*." before a single label ("*.com", "*.com:8080"): a pattern for every site, never a desk's.
 *  One regular expression, so the schema states it too (a "not" pattern on each of a desk's matches). */
export const ALL_SITES_PATTERN = /^[^:]+:\/\/(?:\*|\*\.[^./:]*(?::[^/]*)?)\//;
const allSites = (pattern: string): boolean => ALL_SITES_PATTERN.test(pattern);

/** A known preset id; a typo gets the nearest one, and every message lists the presets by name. */
function deskPreset(p: Problems, v: unknown, path: string): string | undefined {
  const all = DESK_PRESET_IDS.map((k) => `"${k}" (${DESK_PRESETS[k]})`).join(', ');
  if (typeof v !== 'string') {
    p.add(path, `"preset" must be text naming a preset, not ${typeName(v)}. The presets are ${all}.`);
    return undefined;
  }
  if ((DESK_PRESET_IDS as string[]).includes(v)) return v;
  const hint = v.trim() ? closest(v, DESK_PRESET_IDS) : undefined;
  p.add(path, `Unknown desk preset "${v}".${hint ? ` Did you mean "${hint}"?` : ''} The presets are ${all}; or leave "preset" out and name every selector.`);
  return undefined;
}

/**
 * Why the browser cannot use `s` as a CSS selector, or undefined when it can (or when there is no DOM to
 * ask). The options page passes it to validatePack when a lead imports a pack or adds a desk; a pack's
 * validity never depends on it otherwise, so a pack the service worker installed (it has no DOM) is
 * judged the same in the panel. The page-side reader treats a selector that does not parse as a missing
 * field, so this check is for the lead's sake, never the only guard. `{id}` stands for a ticket id.
 */
export function selectorProblem(s: string): string | undefined {
  const doc = (globalThis as { document?: Document }).document;
  if (!doc?.createDocumentFragment) return undefined;
  try {
    doc.createDocumentFragment().querySelector(s.split('{id}').join('1'));
    return undefined;
  } catch {
    return 'it is not a CSS selector the browser understands';
  }
}

/** One CSS selector from a pack: text, bounded, and one the browser can parse. */
function selector(p: Problems, raw: unknown, path: string, key: string): string | undefined {
  if (raw === undefined) return undefined;
  const s = text(p, raw, path, `The "${key}" selector`, MAX_SELECTOR);
  if (s === undefined) return undefined;
  const problem = p.opts.selectorProblem?.(s);
  if (!problem) return s;
  p.add(path, `The "${key}" selector "${s}" cannot be used: ${problem}. Check its brackets, quotes and parentheses.`);
  return undefined;
}

/** A fix for a built-in desk's selectors: a known desk, known fields, each a selector the browser can parse. */
function validateDeskOverride(p: Problems, d: Obj, dp: string): DeskOverride | undefined {
  const before = p.list.length + p.extra;
  checkKeys(p, d, DESK_OVERRIDE_KEYS, dp, 'a desk override (it has "extends")');
  const desk = own(d, 'extends');
  const ids: readonly string[] = BUILT_IN_DESK_IDS;
  if (typeof desk !== 'string' || !ids.includes(desk)) {
    const hint = typeof desk === 'string' && desk.trim() ? closest(desk, ids) : undefined;
    p.add(`${dp}/extends`, `"extends" must name a built-in desk${typeof desk === 'string' ? `, and "${desk}" is not one` : ''}.${hint ? ` Did you mean "${hint}"?` : ''} The built-in desks are ${ids.join(', ')}; for any other desk write a custom desk (id, name, matches, ticketUrlPattern).`);
  }
  const raw = own(d, 'selectors');
  const selectors: DeskSelectorOverride = {};
  if (!isObject(raw)) p.add(`${dp}/selectors`, `A desk override needs "selectors": an object of CSS selectors (${OVERRIDE_FIELDS.join(', ')}), not ${raw === undefined ? 'nothing' : typeName(raw)}.`);
  else {
    checkKeys(p, raw, OVERRIDE_FIELDS, `${dp}/selectors`, 'the override selectors');
    for (const key of OVERRIDE_FIELDS) {
      const s = selector(p, own(raw, key), `${dp}/selectors/${key}`, key);
      if (s !== undefined) selectors[key] = s;
    }
    if (Object.keys(raw).length === 0) p.add(`${dp}/selectors`, `"selectors" is empty; name at least one of ${OVERRIDE_FIELDS.join(', ')}.`);
  }
  if (p.list.length + p.extra !== before) return undefined;
  return { extends: desk as DeskOverride['extends'], selectors };
}

function validateDesks(p: Problems, v: unknown, path: string): PackDesk[] | undefined {
  if (!Array.isArray(v)) {
    p.add(path, `"desks" must be a list of desk definitions, not ${typeName(v)}.`);
    return undefined;
  }
  if (v.length > MAX_DESKS) {
    p.add(path, `"desks" has ${v.length} entries; the limit is ${MAX_DESKS}.`);
    return undefined;
  }
  const out: PackDesk[] = [];
  v.forEach((d, k) => {
    const dp = `${path}/${k}`;
    if (!isObject(d)) {
      p.add(dp, `Each desk must be an object with id, name, matches and ticketUrlPattern (or, to fix a built-in desk, "extends" and "selectors"), not ${typeName(d)}.`);
      return;
    }
    if (Object.hasOwn(d, 'extends')) {
      const o = validateDeskOverride(p, d, dp);
      if (o) out.push(o);
      return;
    }
    const before = p.list.length + p.extra;
    checkKeys(p, d, DESK_KEYS, dp, 'a desk');
    requireKeys(p, d, DESK_REQUIRED_KEYS, dp, `Desk ${k}`);
    const id = 'id' in d ? identifier(p, d.id, `${dp}/id`, 'The desk id') : undefined;
    const name = 'name' in d ? label(p, d.name, `${dp}/name`, 'The desk name', MAX_SHORT_TEXT) : undefined;
    const matches = 'matches' in d ? stringList(p, d.matches, `${dp}/matches`, '"matches"', 20, 500) : undefined;
    matches?.forEach((m, j) => {
      if (!MATCH_PATTERN.test(m)) p.add(`${dp}/matches/${j}`, `"${m}" is not a match pattern; write it like "https://desk.example.com/*".`);
      else if (allSites(m)) p.add(`${dp}/matches/${j}`, `"${m}" would let the desk read every site; name the desk's own address, like "https://desk.example.com/*".`);
    });
    if (matches && matches.length === 0) p.add(`${dp}/matches`, `"matches" is empty; add at least one pattern like "https://desk.example.com/*".`);
    const pattern = 'ticketUrlPattern' in d ? text(p, d.ticketUrlPattern, `${dp}/ticketUrlPattern`, 'The ticket URL pattern', 500) : undefined;
    if (pattern !== undefined) {
      const groups = captureGroups(pattern);
      if (typeof groups === 'string') p.add(`${dp}/ticketUrlPattern`, `The ticket URL pattern "${pattern}" cannot be used: ${groups}.`);
      else if (groups < 1) p.add(`${dp}/ticketUrlPattern`, `The ticket URL pattern needs one capture group (in parentheses) around the ticket id, like "/tickets/(\\\\d+)".`);
    }
    const preset = d.preset !== undefined ? deskPreset(p, d.preset, `${dp}/preset`) : undefined;
    let selectors: CustomDeskSelectors | undefined;
    if (d.selectors !== undefined) {
      if (!isObject(d.selectors)) p.add(`${dp}/selectors`, `"selectors" must be an object of CSS selectors, not ${typeName(d.selectors)}.`);
      else {
        checkKeys(p, d.selectors, SELECTOR_KEYS, `${dp}/selectors`, 'the desk selectors');
        selectors = {};
        for (const key of SELECTOR_KEYS) {
          const s = selector(p, own(d.selectors, key), `${dp}/selectors/${key}`, key);
          if (s !== undefined) selectors[key] = s;
        }
      }
    }
    if (p.list.length + p.extra !== before || !id || !name || !matches || pattern === undefined) return;
    const desk: CustomDeskDefinition = { id, name, matches, ticketUrlPattern: pattern };
    if (preset) desk.preset = preset;
    if (selectors) desk.selectors = selectors;
    out.push(desk);
  });
  return out;
}

/**
 * Cue rules, checked against CUE_SHAPE (every key, kind and limit; the schema is made from the same
 * shape), then for what a schema cannot state: the size of the whole block and the matching work of
 * all its patterns together.
 */
function validateCues(p: Problems, v: unknown, path: string): CueRulesOverride | undefined {
  if (!isObject(v)) {
    p.add(path, `"cues" must be an object of cue rules (frustration, urgency, happy, waiting…), not ${typeName(v)}.`);
    return undefined;
  }
  const before = p.list.length + p.extra;
  const cost = { total: 0 };
  checkCueValue(p, v, CUE_SHAPE, path, 'cues', cost);
  if (p.list.length + p.extra === before) {
    if (JSON.stringify(v).length > MAX_CUES_CHARS) p.add(path, `"cues" is too large; keep it under ${MAX_CUES_CHARS.toLocaleString('en')} characters.`);
    // Each pattern runs over every customer message; together they must stay quick on any message.
    else if (cost.total > MAX_CUE_PATTERN_COST) {
      p.add(path, `The cue patterns add up to ${cost.total.toLocaleString('en')} units of matching work; the limit is ${MAX_CUE_PATTERN_COST.toLocaleString('en')} (a pattern counts 1, times (n + 1) for each gap "~n"). Remove patterns or gaps.`);
    }
  }
  return p.list.length + p.extra === before ? (v as CueRulesOverride) : undefined;
}

function checkCueValue(p: Problems, v: unknown, shape: CueShape, path: string, name: string, cost: { total: number }): void {
  const field = `"${name}"`;
  switch (shape.kind) {
    case 'number': {
      const range = `${shape.integer ? 'a whole number' : 'a number'} from ${shape.min} to ${shape.max}`;
      if (typeof v !== 'number' || !Number.isFinite(v) || (shape.integer && !Number.isInteger(v)) || v < shape.min || v > shape.max) {
        p.add(path, `${field} must be ${range}, not ${typeof v === 'number' ? v : typeName(v)}.`);
      }
      return;
    }
    case 'boolean':
      if (typeof v !== 'boolean') p.add(path, `${field} must be true or false (without quotes), not ${typeName(v)}.`);
      return;
    case 'text':
      text(p, v, path, field, shape.max);
      return;
    case 'channels':
    case 'steps': {
      const allowed: readonly string[] = shape.kind === 'channels' ? CHANNELS : STEP_IDS;
      if (!Array.isArray(v)) {
        p.add(path, `${field} must be a list of ${shape.kind === 'channels' ? 'channels' : 'step ids'} (${allowed.join(', ')}), not ${typeName(v)}.`);
        return;
      }
      v.forEach((item, k) => {
        if (typeof item !== 'string' || !allowed.includes(item)) p.add(`${path}/${k}`, `Unknown ${shape.kind === 'channels' ? 'channel' : 'step'} ${typeof item === 'string' ? `"${item}"` : typeName(item)} in ${field}. Use one of: ${allowed.join(', ')}.`);
        else if (v.indexOf(item) !== k) p.add(`${path}/${k}`, `"${item}" is listed twice in ${field}; remove one.`);
      });
      return;
    }
    case 'list': {
      if (!Array.isArray(v)) {
        p.add(path, `${field} must be a list like ["a", "b"], not ${typeName(v)}.`);
        return;
      }
      if (v.length > shape.maxItems) {
        p.add(path, `${field} has ${v.length.toLocaleString('en')} entries; the limit is ${shape.maxItems}.`);
        return;
      }
      v.forEach((item, k) => {
        const s = text(p, item, `${path}/${k}`, `Each entry of ${field}`, shape.of === 'word' ? MAX_CUE_WORD : MAX_CUE_PATTERN);
        if (s === undefined || shape.of === 'word') return;
        const problem = patternProblem(s);
        if (problem) p.add(`${path}/${k}`, problem);
        else cost.total += patternCost(s);
      });
      return;
    }
    case 'object':
      if (!isObject(v)) {
        p.add(path, `${field} must be an object with any of ${Object.keys(shape.keys).join(', ')}, not ${typeName(v)}.`);
        return;
      }
      checkKeys(p, v, Object.keys(shape.keys), path, field);
      for (const [key, sub] of Object.entries(shape.keys)) {
        if (Object.hasOwn(v, key)) checkCueValue(p, v[key], sub, `${path}/${key}`, `${name}.${key}`, cost);
      }
      return;
    case 'signals':
      if (!isObject(v)) {
        p.add(path, `${field} must be an object of signals by name, like {"handover": {"reason": "Handed off", "patterns": ["handed off"]}}, not ${typeName(v)}.`);
        return;
      }
      if (Object.keys(v).length > MAX_CUE_SIGNALS) p.add(path, `${field} has ${Object.keys(v).length} signals; the limit is ${MAX_CUE_SIGNALS}.`);
      for (const [signalName, signal] of Object.entries(v)) {
        const at = `${path}/${escapePointerToken(signalName)}`;
        if (RESERVED_SIGNAL_NAMES.includes(signalName)) {
          p.add(at, `"${signalName}" cannot be a signal name (it is a name JavaScript objects already use); choose another.`);
          continue;
        }
        if (!SIGNAL_NAME_PATTERN.test(signalName)) {
          p.add(at, `The signal name "${signalName.slice(0, 80)}" may use only letters, digits, "_" and "-", must start with a letter and be at most 60 characters.`);
          continue;
        }
        const label = `${name}.${signalName}`;
        if (!isObject(signal)) {
          p.add(at, `"${label}" must be an object like {"reason": "…", "patterns": ["…"]}, not ${typeName(signal)}.`);
          continue;
        }
        if (!shape.builtIn.includes(signalName)) {
          for (const key of NEW_SIGNAL_REQUIRED) {
            if (!Object.hasOwn(signal, key)) p.add(`${at}/${key}`, `"${label}" is a new signal, so it needs "${key}" (built-in signals are ${shape.builtIn.join(', ')}).`);
          }
        }
        checkKeys(p, signal, Object.keys(SIGNAL_SHAPE), at, `"${label}"`);
        for (const [key, sub] of Object.entries(SIGNAL_SHAPE)) {
          if (Object.hasOwn(signal, key)) checkCueValue(p, signal[key], sub, `${at}/${key}`, `${label}.${key}`, cost);
        }
      }
      return;
  }
}

function finish(p: Problems): PackError[] {
  const errors = p.list;
  if (p.extra > 0) {
    errors.push({ path: '', line: 0, column: 0, message: `…and ${p.extra.toLocaleString('en')} more problems. Fix the ones above first.` });
  }
  return errors;
}

/** Offset in JSON text where nesting first goes past `max` levels, or -1. Linear, no recursion. */
export function jsonDepthOffset(text: string, max: number): number {
  let depth = 0;
  let inString = false;
  for (let k = 0; k < text.length; k++) {
    const c = text.charCodeAt(k);
    if (inString) {
      if (c === 0x5c) k++; // backslash: skip the escaped character
      else if (c === 0x22) inString = false;
    } else if (c === 0x22) inString = true;
    else if (c === 0x7b || c === 0x5b) {
      if (++depth > max) return k;
    } else if (c === 0x7d || c === 0x5d) depth--;
  }
  return -1;
}

/** Whether a parsed value nests deeper than `max`: walked with an explicit stack, so a hostile
 *  value cannot overflow the call stack here (or in JSON.stringify and the merges later on). */
export function tooDeep(value: unknown, max: number): boolean {
  const stack: [unknown, number][] = [[value, 0]];
  while (stack.length) {
    const [v, depth] = stack.pop()!;
    if (typeof v !== 'object' || v === null) continue;
    if (depth >= max) return true;
    for (const child of Object.values(v)) if (typeof child === 'object' && child !== null) stack.push([child, depth + 1]);
  }
  return false;
}

const depthMessage = `The pack nests objects or lists more than ${MAX_PACK_DEPTH} levels deep; no valid pack does. Check for a missing closing bracket or a pasted document.`;

/** Validates an already-parsed pack; positions are unknown here, so line and column are 0. */
export function validatePack(value: unknown, opts: ValidateOptions = {}): PackResult {
  const p = new Problems(opts);
  if (tooDeep(value, MAX_PACK_DEPTH)) return { ok: false, errors: [{ path: '', line: 0, column: 0, message: depthMessage }] };
  if (!isObject(value)) {
    p.add('', `A pack must be a JSON object with schema, id, name, version, locale and phrases, not ${typeName(value)}.`);
    return { ok: false, errors: finish(p) };
  }
  // Refuse giant packs before looking at each phrase: the message matters more than the detail.
  if (Array.isArray(value.phrases) && value.phrases.length > MAX_PHRASES) {
    p.add(
      '/phrases',
      `This pack has ${value.phrases.length.toLocaleString('en')} phrases; the limit is ${MAX_PHRASES.toLocaleString('en')}. Split it into smaller packs or remove unused phrases.`,
    );
    return { ok: false, errors: finish(p) };
  }
  checkKeys(p, value, PACK_KEYS, '', 'the pack');
  requireKeys(p, value, PACK_REQUIRED_KEYS, '', 'The pack');

  // Only editors read "$schema"; it is still checked, as the schema checks it, so both say the same.
  if (Object.hasOwn(value, '$schema')) text(p, value.$schema, '/$schema', '"$schema"', MAX_SCHEMA_URL, { allowEmpty: true });
  if ('schema' in value && value.schema !== 1) {
    p.add('/schema', `"schema" must be the number 1 (this extension reads pack schema 1), not ${typeof value.schema === 'number' ? value.schema : typeName(value.schema)}.`);
  }
  const id = 'id' in value ? identifier(p, value.id, '/id', 'The pack id') : undefined;
  const name = 'name' in value ? label(p, value.name, '/name', 'The pack name', MAX_SHORT_TEXT) : undefined;
  let version: string | undefined;
  if ('version' in value) {
    version = text(p, value.version, '/version', 'The version', 100);
    if (version !== undefined && !isSemver(version)) {
      p.add('/version', `The version "${version}" is not a semantic version; write it as MAJOR.MINOR.PATCH, like "1.2.0".`);
      version = undefined;
    }
  }
  let locale: string | undefined;
  if ('locale' in value) {
    locale = text(p, value.locale, '/locale', 'The locale', 35);
    if (locale !== undefined && !LOCALE_PATTERN.test(locale)) {
      p.add('/locale', `The locale "${locale}" should be a language code like "en", "de" or "pt-BR".`);
      locale = undefined;
    }
  }
  const description = value.description !== undefined ? text(p, value.description, '/description', 'The description', MAX_DESCRIPTION, { allowEmpty: true }) : undefined;
  const author = value.author !== undefined ? label(p, value.author, '/author', 'The author', MAX_SHORT_TEXT, { allowEmpty: true }) : undefined;
  if (value.locked !== undefined && typeof value.locked !== 'boolean') {
    p.add('/locked', `"locked" must be true or false (without quotes), not ${typeName(value.locked)}.`);
  }
  const steps = value.steps !== undefined ? validateSteps(p, value.steps, '/steps') : undefined;
  const desks = value.desks !== undefined ? validateDesks(p, value.desks, '/desks') : undefined;
  const cues = value.cues !== undefined ? validateCues(p, value.cues, '/cues') : undefined;

  const phrases: Phrase[] = [];
  if ('phrases' in value) {
    if (!Array.isArray(value.phrases)) {
      p.add('/phrases', `"phrases" must be a list of phrases, not ${typeName(value.phrases)}.`);
    } else {
      const seen = new Map<string, number>();
      const list = value.phrases as unknown[];
      for (let k = 0; k < list.length; k++) {
        const phrase = validatePhrase(p, list[k], `/phrases/${k}`, seen, k);
        if (phrase) phrases.push(phrase);
        // Past the error cap only the count grows; keep going so duplicate ids still count, but it stays linear.
      }
    }
  }

  if (p.list.length > 0) return { ok: false, errors: finish(p) };
  const pack: Pack = { schema: 1, id: id!, name: name!, version: version!, locale: locale!, phrases };
  if (description !== undefined) pack.description = description;
  if (author !== undefined) pack.author = author;
  if (typeof value.locked === 'boolean') pack.locked = value.locked;
  if (steps) pack.steps = steps;
  if (desks) pack.desks = desks;
  if (cues) pack.cues = cues;
  return { ok: true, pack };
}

/** UTF-8 byte length without allocating an encoded copy. */
export function utf8Length(s: string): number {
  let bytes = 0;
  for (let k = 0; k < s.length; k++) {
    const c = s.charCodeAt(k);
    if (c < 0x80) bytes += 1;
    else if (c < 0x800) bytes += 2;
    else if (c >= 0xd800 && c <= 0xdbff && k + 1 < s.length) {
      bytes += 4;
      k++;
    } else bytes += 3;
  }
  return bytes;
}

function formatBytes(n: number): string {
  return `${(n / 1024 / 1024).toFixed(1)} MB`;
}

/**
 * Parses and validates a pack's JSON text. Errors carry the line and column of the offending
 * value (or of the syntax problem), so "line 5, column 30" can be shown to whoever wrote it.
 */
export function parsePack(text: string, opts: ValidateOptions = {}): PackResult {
  // Quick check on length first: a UTF-8 byte is at most one UTF-16 unit, at most 3 per unit.
  if (text.length > MAX_PACK_BYTES || (text.length * 3 > MAX_PACK_BYTES && utf8Length(text) > MAX_PACK_BYTES)) {
    const size = utf8Length(text);
    return {
      ok: false,
      errors: [{ path: '', line: 1, column: 1, message: `This pack is ${formatBytes(size)}; the limit is ${formatBytes(MAX_PACK_BYTES)}. Split it into smaller packs.` }],
    };
  }
  const body = text.charCodeAt(0) === 0xfeff ? text.slice(1) : text;
  if (body.trim() === '') {
    return { ok: false, errors: [{ path: '', line: 1, column: 1, message: 'The file is empty; a pack is a JSON object.' }] };
  }
  const deepAt = jsonDepthOffset(body, MAX_PACK_DEPTH);
  if (deepAt >= 0) {
    const { line, column } = lineColumnFinder(body)(deepAt);
    return { ok: false, errors: [{ path: '', line, column, message: depthMessage }] };
  }
  let value: unknown;
  try {
    value = JSON.parse(body);
  } catch (e) {
    const located = parseJsonWithPositions(body);
    const at = lineColumnFinder(body);
    if (!located.ok) {
      const { line, column } = at(located.error.offset);
      return { ok: false, errors: [{ path: '', line, column, message: `This is not valid JSON: ${located.error.message}` }] };
    }
    // Our parser accepted what JSON.parse refused: report the engine's own words.
    return { ok: false, errors: [{ path: '', line: 1, column: 1, message: `This is not valid JSON: ${(e as Error).message}` }] };
  }
  const result = validatePack(value, opts);
  if (result.ok) return result;
  const located = parseJsonWithPositions(body);
  if (!located.ok) return result;
  const at = lineColumnFinder(body);
  return {
    ok: false,
    errors: result.errors.map((err) => ({ ...err, ...at(offsetOf(located.json.positions, err.path)) })),
  };
}

/** Human-readable one-liner, as the options page and the CLI show it. */
export function formatPackError(err: PackError): string {
  const where = err.line > 0 ? `line ${err.line}, column ${err.column}` : '';
  const path = err.path ? ` at ${err.path}` : '';
  return `${where}${path}${where || path ? ': ' : ''}${err.message}`;
}
