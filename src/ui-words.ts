// Words the panel and the options page build from parts (counts, dates, lists), in the UI's
// language: plural forms by Intl.PluralRules, dates and times by Intl in chrome.i18n's locale.
import type { AutosaveState } from './core/autosave';
import { HEALTH_FIELDS } from './core/desk-health';
import type { CueKind } from './core/cues';
import type { KeyFactKind } from './core/key-facts';
import type { Comparison, ConditionPart } from './core/phrase-conditions';
import type { TipId } from './core/draft-check';
import type { StoryKind } from './storage/db';
import { dueParts } from './core/followup-time';
import type { AskField, KnownPlaceholder } from './core/placeholders';
import type { TicketContext } from './core/ticket';
import type { ContactsFact } from './core/ticket-facts';
import { t, uiLocale, type MessageKey } from './i18n';

/** The message for `n` in the right plural form: `one` where the language says "1 minute", else `other`. */
export function plural(n: number, one: MessageKey, other: MessageKey, ...rest: Array<string | number>): string {
  return t(new Intl.PluralRules(uiLocale()).select(n) === 'one' ? one : other, n, ...rest);
}

/** "a, b and c" in the UI's language. */
export function listText(items: readonly string[]): string {
  return new Intl.ListFormat(uiLocale(), { type: 'conjunction' }).format(items);
}

/** "09:00" on a 24-hour clock, "9:00 AM" on a 12-hour one. */
export function timeText(at: Date | number): string {
  const twelve = /h1[12]/.test(new Intl.DateTimeFormat(uiLocale(), { hour: 'numeric' }).resolvedOptions().hourCycle ?? '');
  return new Intl.DateTimeFormat(uiLocale(), { hour: twelve ? 'numeric' : '2-digit', minute: '2-digit' }).format(at);
}

/** A moment in full, for tables ("14 Mar 2026, 09:00"). */
export function dateTimeText(at: Date | number): string {
  return new Intl.DateTimeFormat(uiLocale(), { dateStyle: 'medium', timeStyle: 'short' }).format(at);
}

export function dateText(at: Date | number): string {
  return new Intl.DateTimeFormat(uiLocale(), { dateStyle: 'medium' }).format(at);
}

const UNITS = {
  minute: ['unitMinuteOne', 'unitMinuteOther'],
  hour: ['unitHourOne', 'unitHourOther'],
  day: ['unitDayOne', 'unitDayOther'],
} as const satisfies Record<string, readonly [MessageKey, MessageKey]>;

function duration(n: number, unit: keyof typeof UNITS): string {
  const [one, other] = UNITS[unit];
  return plural(n, one, other);
}

/** When a follow-up is due: "in 2 hours", "tomorrow at 09:00", "overdue by 3 hours". */
export function dueText(dueAt: number, now: Date): string {
  const p = dueParts(dueAt, now);
  switch (p.kind) {
    case 'overdue': return t('dueOverdue', duration(p.n, p.unit));
    case 'now': return t('dueNow');
    case 'in': return t('dueIn', duration(p.n, p.unit));
    case 'today': return t('dueTodayAt', timeText(p.due));
    case 'tomorrow': return t('dueTomorrowAt', timeText(p.due));
    case 'weekday': return t('dueWeekdayAt', new Intl.DateTimeFormat(uiLocale(), { weekday: 'long' }).format(p.due), timeText(p.due));
    case 'date': {
      const day = new Intl.DateTimeFormat(uiLocale(), { day: 'numeric', month: 'short', ...(p.withYear ? { year: 'numeric' } : {}) }).format(p.due);
      return t('dueDateAt', day, timeText(p.due));
    }
  }
}

/** The notes' save indicator: "Saved", "Saving…" or "Not saved: <reason>". */
export function saveStateText(state: AutosaveState): string {
  switch (state.status) {
    case 'failed': return state.message ? t('saveFailed', state.message) : t('saveFailedUnknown');
    case 'pending':
    case 'saving': return t('saveSaving');
    case 'superseded': return t('saveSuperseded');
    case 'saved':
    case 'idle':
      if (state.unsavedElsewhere.length > 0) return t('saveWaitingElsewhere');
      return state.status === 'saved' ? t('saveSaved') : '';
  }
}

const ORDINAL = { zero: 'ordinalOther', one: 'ordinalOne', two: 'ordinalTwo', few: 'ordinalFew', many: 'ordinalOther', other: 'ordinalOther' } as const satisfies Record<Intl.LDMLPluralRule, MessageKey>;

/** "3rd" in English, "3." in German, "3e" in French. */
export function ordinalText(n: number): string {
  return t(ORDINAL[new Intl.PluralRules(uiLocale(), { type: 'ordinal' }).select(n)], n);
}

/** "3rd contact — they said "third time"", or "2nd contact — 2 messages from them here"; nothing for a first contact. */
export function contactsText(c: ContactsFact): string | undefined {
  if (c.count === undefined || c.count < 2) return undefined;
  if (c.basis === 'customer' && c.stated) return t('contactsStated', ordinalText(c.count), c.stated.quote);
  return plural(c.count, 'contactsMessagesOne', 'contactsMessagesOther', ordinalText(c.count));
}

const FIELD_NAMES = {
  subject: 'fieldSubject',
  'customer.name': 'fieldCustomerName',
  'customer.email': 'fieldCustomerEmail',
  channel: 'fieldChannel',
  lastCustomerMessage: 'fieldLatestMessage',
} as const satisfies Record<string, MessageKey>;

/** A field name as stored in a desk-health record (English, from core's HEALTH_FIELDS), in the UI's words. */
export function healthFieldText(label: string): string {
  if (label === 'everything') return t('fieldEverything');
  const field = HEALTH_FIELDS.find(([, l]) => l === label)?.[0];
  return field && Object.hasOwn(FIELD_NAMES, field) ? t(FIELD_NAMES[field as keyof typeof FIELD_NAMES]) : label;
}

/** The panel's quiet line for a ticket whose page lacks fields its desk reads; undefined when nothing is missing. */
export function healthText(ticket: Pick<TicketContext, 'missing'>): string | undefined {
  const missing = ticket.missing ?? [];
  if (!missing.length || missing.includes('pane')) return undefined;
  if (missing.includes('all')) return t('healthUnreadable');
  const names = missing.map((f) => (Object.hasOwn(FIELD_NAMES, f) ? t(FIELD_NAMES[f as keyof typeof FIELD_NAMES]) : f));
  return t('healthMissing', listText(names));
}

/** "a, b or c" in the UI's language. */
export function orText(items: readonly string[]): string {
  return new Intl.ListFormat(uiLocale(), { type: 'disjunction' }).format(items);
}

const CUE_CONDITIONS = { frustration: 'condCueFrustration', waiting: 'condCueWaiting', urgency: 'condCueUrgency', happy: 'condCueHappy' } as const satisfies Record<CueKind, MessageKey>;
const FACT_CONDITIONS = { order: 'condFactOrder', amount: 'condFactAmount', date: 'condFactDate', email: 'condFactEmail', phone: 'condFactPhone', url: 'condFactUrl' } as const satisfies Record<KeyFactKind, MessageKey>;
const CHANNELS = { chat: 'channelChat', email: 'channelEmail', messaging: 'channelMessaging', phone: 'channelPhone', other: 'channelOther' } as const satisfies Record<string, MessageKey>;
const channelName = (c: string) => (Object.hasOwn(CHANNELS, c) ? t(CHANNELS[c as keyof typeof CHANNELS]) : c);

function contactsCondition(c: Comparison | undefined, raw: string): string {
  if (!c) return t('condContactsRaw', raw);
  const atLeast = c.op === '>=' ? c.n : c.op === '>' ? c.n + 1 : undefined;
  if (atLeast === 2) return t('condWroteBefore');
  if (atLeast !== undefined) return t('condWroteTimes', atLeast);
  const atMost = c.op === '<=' ? c.n : c.op === '<' ? c.n - 1 : c.op === '=' ? c.n : undefined;
  if (atMost === 1) return t('condFirstContact');
  return c.op === '=' ? t('condContactNumber', c.n) : t('condAtMostContacts', atMost ?? c.n);
}

/** One condition a phrase assumes, in the UI's words: "wrote before", "they waited". */
export function conditionText(part: ConditionPart): string {
  switch (part.kind) {
    case 'contacts': return contactsCondition(part.comparison, part.raw);
    case 'waited': return t(part.want ? 'condWaited' : 'condNoWait');
    case 'firstReply': return t(part.want ? 'condFirstReply' : 'condRepliedBefore');
    case 'cue': return orText(part.cues.map((k) => t(CUE_CONDITIONS[k])));
    case 'fact': return orText(part.facts.map((k) => t(FACT_CONDITIONS[k])));
    case 'channel': return orText(part.channels.map(channelName));
    case 'mentions': {
      const quoted = part.words.map((w) => t('condQuoted', w));
      return t('condMentions', quoted.length > 3 ? `${quoted.slice(0, 3).join(', ')}…` : orText(quoted));
    }
    case 'agentKnows': return part.text;
  }
}

/** "assumes: wrote before; they waited", as search results show it. */
export function assumesText(unmet: readonly ConditionPart[]): string | undefined {
  return unmet.length ? t('phraseAssumes', unmet.map(conditionText).join('; ')) : undefined;
}

const STORY_KIND_KEYS = { good: 'storyKindGood', bad: 'storyKindBad', ugly: 'storyKindUgly' } as const satisfies Record<StoryKind, MessageKey>;
export const storyKindLabel = (kind: StoryKind): string => t(STORY_KIND_KEYS[kind]);

const TIP_LABEL_KEYS = {
  greeting: 'tipLabelGreeting',
  name: 'tipLabelName',
  thanks: 'tipLabelThanks',
  blame: 'tipLabelBlame',
  'promise-time': 'tipLabelPromiseTime',
  'all-caps': 'tipLabelAllCaps',
  'acknowledge-first': 'tipLabelAcknowledgeFirst',
} as const satisfies Record<TipId, MessageKey>;

/** What each draft tip is about, for the options page where it can be turned off. */
export const tipLabel = (id: TipId): string => t(TIP_LABEL_KEYS[id]);

/**
 * The tip itself. core/draft-check decides which tips apply (its checks read English drafts) and
 * gives an id; the words are chosen here, with the customer's first name where the tip names it.
 */
export function tipText(id: TipId, firstName: string | undefined): string {
  const name = firstName?.trim();
  switch (id) {
    case 'greeting': return name ? t('tipGreetingName', name) : t('tipGreeting');
    case 'name': return t('tipName', name ?? '');
    case 'thanks': return t('tipThanks');
    case 'blame': return t('tipBlame');
    case 'promise-time': return t('tipPromiseTime');
    case 'all-caps': return t('tipAllCaps');
    case 'acknowledge-first': return t('tipAcknowledgeFirst');
  }
}

/** How long someone has waited: "40 seconds", "5 minutes", "3 hours", "2 days". */
export function elapsedText(ms: number): string {
  const minutes = Math.floor(ms / 60_000);
  if (minutes < 1) return plural(Math.max(1, Math.round(ms / 1000)), 'unitSecondOne', 'unitSecondOther');
  if (minutes < 120) return duration(minutes, 'minute');
  const hours = Math.floor(minutes / 60);
  return hours < 48 ? duration(hours, 'hour') : duration(Math.floor(hours / 24), 'day');
}

const PLACEHOLDER_LABELS = {
  'customer.firstName': 'askCustomerFirstName',
  'customer.name': 'askCustomerName',
  'customer.email': 'askCustomerEmail',
  'agent.name': 'askAgentName',
  'ticket.id': 'askTicketId',
  'ticket.subject': 'askTicketSubject',
  'ticket.contacts': 'askTicketContacts',
} as const satisfies Record<KnownPlaceholder, MessageKey>;

/** The fill-in prompt's label: the UI's words for a known placeholder; a pack's {{ask:…}} label as written. */
export function askLabel(field: Pick<AskField, 'key' | 'label' | 'kind'>): string {
  return field.kind === 'value' && Object.hasOwn(PLACEHOLDER_LABELS, field.key) ? t(PLACEHOLDER_LABELS[field.key as KnownPlaceholder]) : field.label;
}
