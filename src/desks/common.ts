// The shared reader behind every desk but Zendesk: a desk is a small spec of selectors, and this
// turns it into a DeskAdapter. Keeping the logic here (once) is what keeps the content script small
// with a dozen desks, and it is the same engine custom desks run on, so a preset and a built-in desk
// behave alike. Every query is guarded: a selector that does not parse (a custom desk's typo) is a
// missing field, never an exception.
import type { DeskSelectorOverride } from '../core/pack/types';
import { channelFromLabel, cleanText, firstNameOf, ticketKey, type Channel, type TicketContext } from '../core/ticket';
import { first, hostOf, lastMatches, q, textOf, FieldReport } from './dom';
import type { DeskAdapter, Regions } from './types';
import { isUsable } from './visible';

type Root = Document | Element;
export type Selectors = readonly string[];

export interface DeskSpec {
  id: string;
  name: string;
  matches: string[];
  /** Tried on path + search + hash (or on the full URL with `fullUrl`); group 1 is the ticket id.
   *  Custom desks pass a LinearRegExp (src/core/linear-regex.ts): their patterns are not trusted. */
  url: { exec(text: string): ArrayLike<string | undefined> | null };
  fullUrl?: boolean;
  /** The container of the ticket the URL names, tried in order; `{id}` stands for the ticket id.
   *  Desks that keep several tickets mounted name the visible one. None: the whole document. */
  scope?: Selectors;
  /** An element in the scope whose text (or href) names the ticket id; until it does, the page still
   *  shows the previous ticket (single-ticket SPAs change the URL before they re-render). */
  idIn?: string;
  subject?: Selectors;
  customerName?: Selectors;
  email?: Selectors;
  channel?: Selectors;
  /** For desks that show one channel only. */
  fixedChannel?: Channel;
  /** Every message (customer and agent), for counting replies. */
  messages?: string;
  /** The customer's messages: each match is one message, its text the message body. */
  customer?: string;
  /** Or, where the desk marks no customer/agent class: the sender inside each of `messages`,
   *  compared with the customer's name, and the body inside each message. */
  sender?: string;
  body?: string;
  /** Desks that list the newest message first (FreeScout). */
  newestFirst?: boolean;
  /** The desk's own number for the ticket, where it differs from the URL's id (FreeScout's conversation number). */
  number?: Selectors;
  /** For desks that name the ticket in `document.title`: group 1 the number, group 2 the subject. A fallback
   *  for both: the page's own fields win. */
  title?: RegExp;
  editor: Selectors;
  composer?: string;
  /** Desks with several composers: [selector of the element around the editor, what the desk calls it],
   *  first match wins ('internal note', 'forward'); an editor in none of them is the reply. */
  composers?: readonly (readonly [string, string])[];
  /** The control an agent clicks to open a closed reply box. */
  opener?: Selectors;
}

function within(el: Element, sel: string): boolean {
  try {
    return !!el.closest(sel);
  } catch {
    return false;
  }
}

/** A ticket id inside a quoted attribute value: ids come from URLs and, for custom desks, from the agent's own regex. */
export const withId = (sel: string, id: string) => sel.split('{id}').join(id.replace(/["\\]/g, '\\$&'));

export function emailOf(el: Element | null): string | undefined {
  if (!el) return undefined;
  const text = textOf(el, 200);
  if (text?.includes('@')) return text;
  const href = el.getAttribute('href') ?? el.querySelector('a[href^="mailto:"]')?.getAttribute('href');
  const mail = href?.startsWith('mailto:') ? href.slice(7).split('?')[0] : el.getAttribute('title');
  return mail?.includes('@') ? cleanText(decodeURIComponent(mail), 200) : undefined;
}

function channelOf(el: Element | null): Channel | undefined {
  if (!el) return undefined;
  return channelFromLabel(textOf(el, 40) || el.getAttribute('aria-label') || el.getAttribute('title') || el.getAttribute('data-channel'));
}

const sinceEpoch = (m: Element | undefined) => Date.parse(m?.querySelector('time[datetime]')?.getAttribute('datetime') ?? '');

export function ticketIdWith(spec: Pick<DeskSpec, 'url' | 'fullUrl'>, url: URL): string | null {
  // Bounded input: a custom desk's regex runs on every read, so it never sees an unbounded string.
  const text = (spec.fullUrl ? url.href : url.pathname + url.search + url.hash).slice(0, 2048);
  return spec.url.exec(text)?.[1] || null;
}

/** The element holding the ticket `id`, or null while the page has not rendered it yet. */
export function scopeFor(spec: DeskSpec, doc: Document, id: string): Root | null {
  const root = spec.scope ? first(doc, spec.scope.map((s) => withId(s, id))) : doc;
  const marker = root && spec.idIn ? q(root, spec.idIn) : null;
  // Text or link: a breadcrumb "#42", or a header link to ".../ticket/42". Whole tokens only, so 4 is not 42.
  if (marker && !`${marker.textContent} ${marker.getAttribute('href') ?? ''}`.split(/[^\w-]+/).includes(id)) return null;
  return root;
}

// Sender names by message element: a message's sender does not change, so each one is read once,
// not on every read of a busy conversation. Weak: messages that leave the page are forgotten.
const senders = new WeakMap<Element, string>();

/** The lower-cased sender named inside message `m`, or undefined while it has not rendered. */
export function senderOf(m: Element, selector: string): string | undefined {
  const known = senders.get(m);
  if (known !== undefined) return known;
  const s = q(m, selector)?.textContent?.trim().toLowerCase();
  if (s) senders.set(m, s);
  return s || undefined;
}

/** The fields a read takes from the header (the part a growing conversation leaves alone). */
export const HEADER_FIELDS = ['subject', 'customer.name', 'customer.email', 'channel'];

/** The header a read of only the conversation may reuse: `prev`'s, when it is this ticket's and
 *  complete. A header field still missing is looked for again, so it shows up once it renders. */
export function headerOf(prev: TicketContext | null | undefined, key: string) {
  if (!prev || prev.key !== key || prev.missing?.some((f) => f === 'pane' || f === 'all' || HEADER_FIELDS.includes(f))) return undefined;
  return { subject: prev.subject, customer: prev.customer, channel: prev.channel, number: prev.number };
}

/** The nearest element holding both `a` and `b`: the conversation log around its oldest and newest message. */
export function around(a: Element | undefined, b: Element | undefined): Element | null {
  let el: Element | null = a ?? null;
  while (el && b && !el.contains(b)) el = el.parentElement;
  return el && el === a && a === b ? a.parentElement : el;
}

/** Reads the ticket the URL names. With `prev` (the same ticket's last read), only the conversation is
 *  read again and the header is taken from `prev`: for when nothing but the conversation log changed. */
export function readWith(spec: DeskSpec, doc: Document, url: URL, prev?: TicketContext | null): TicketContext | null {
  const ticketId = ticketIdWith(spec, url);
  if (!ticketId) return null;
  const host = hostOf(url);
  const base: TicketContext = { desk: spec.id, host, ticketId, key: ticketKey(spec.id, host, ticketId), url: url.href };
  const root = scopeFor(spec, doc, ticketId);
  if (!root) return { ...base, missing: ['pane'] };

  const f = new FieldReport();
  // Only fields the desk declares are looked for, so only those can be reported missing.
  const take = <T>(field: string, declared: unknown, value: T | undefined) => (declared ? f.take(field, value) : undefined);
  const header = headerOf(prev, base.key);
  let subject, name, email, channel, number;
  if (header) {
    ({ subject, channel, number } = header);
    ({ name, email } = header.customer ?? {});
  } else {
    const titled = spec.title?.exec(doc.title.slice(0, 300));
    subject = take('subject', spec.subject, textOf(first(root, spec.subject), 300) ?? cleanText(titled?.[2], 300));
    number = textOf(first(root, spec.number), 40)?.replace(/^#\s*/, '') ?? titled?.[1];
    name = take('customer.name', spec.customerName, textOf(first(root, spec.customerName), 120));
    email = take('customer.email', spec.email, emailOf(first(root, spec.email)));
    channel = spec.fixedChannel ?? take('channel', spec.channel, channelOf(first(root, spec.channel)));
  }

  const all = lastMatches(root, spec.messages, { newestFirst: spec.newestFirst });
  let mine: Element[];
  if (spec.customer) mine = lastMatches(root, spec.customer, { newestFirst: spec.newestFirst });
  else {
    const who = name?.toLowerCase();
    mine = all.filter((m) => {
      const s = spec.sender ? senderOf(m, spec.sender) : undefined;
      return !who || !s || s === who;
    });
  }
  // Only the newest customer message is read in full; the others are only counted.
  const latest = mine[mine.length - 1];
  const bodyEl = latest && spec.body ? q(latest, spec.body) ?? latest : latest;
  const lastCustomerMessage = take('lastCustomerMessage', spec.customer || spec.messages, textOf(bodyEl));
  // The time sits on the message, which may be around the body the customer selector names.
  let message = latest;
  try {
    message = (spec.messages && latest?.closest(spec.messages)) || latest;
  } catch { /* an unparsable messages selector: keep the body */ }
  const when = sinceEpoch(message);
  // Without a way to tell agents from the customer, a count of "agent" messages would be a guess.
  const knowsAgents = spec.messages && (spec.customer || (spec.sender && name));
  return {
    ...base,
    number: number && number !== ticketId ? number : undefined,
    subject,
    customer: name || email ? { name, firstName: firstNameOf(name), email } : undefined,
    channel,
    lastCustomerMessage,
    customerMessages: mine.length || undefined,
    agentMessages: knowsAgents ? Math.max(0, all.length - mine.length) : undefined,
    lastCustomerMessageAt: Number.isFinite(when) ? when : undefined,
    missing: f.missing.length ? f.missing : undefined,
  };
}

/** The parts of the page a read of the ticket depends on (see DeskAdapter.regions). */
export function regionsWith(spec: DeskSpec, doc: Document, url: URL): Regions | null {
  const id = ticketIdWith(spec, url);
  const root = id && scopeFor(spec, doc, id);
  if (!root) return null;
  const header = [spec.subject, spec.number, spec.customerName, spec.email, spec.channel].map((s) => first(root, s));
  if (spec.idIn) header.push(q(root, spec.idIn));
  const msgs = lastMatches(root, spec.messages || spec.customer);
  return {
    root: root === doc ? null : (root as Element),
    header: header.filter((el): el is Element => !!el),
    log: around(msgs[0], msgs[msgs.length - 1]),
  };
}

/** The visible ticket's container, or the whole page. */
function rootFor(spec: DeskSpec, doc: Document): Root {
  const id = ticketIdWith(spec, new URL(doc.location?.href ?? 'https://invalid/'));
  return (id && scopeFor(spec, doc, id)) || doc;
}

/** Every reply box of the visible ticket, shown or not, in selector then page order; an editor inside a
 *  same-origin iframe yields its body. */
export function editorsWith(spec: DeskSpec, doc: Document): HTMLElement[] {
  const root = rootFor(spec, doc);
  const out: HTMLElement[] = [];
  for (const s of spec.editor) {
    for (const found of lastMatches(root, s)) {
      let el: Element | null | undefined = found;
      if (el.tagName === 'IFRAME') {
        try {
          el = (el as HTMLIFrameElement).contentDocument?.body;
        } catch {
          el = null;
        }
      }
      if (el && !out.includes(el as HTMLElement)) out.push(el as HTMLElement);
    }
  }
  return out;
}

/** The reply box to use: the first one the agent can see, else the first on the page. */
export function editorWith(spec: DeskSpec, doc: Document): HTMLElement | null {
  const all = editorsWith(spec, doc);
  return all.find(isUsable) ?? all[0] ?? null;
}

/** The spec with a pack's fixes in place of its own selectors, part by part. */
export function overSpec(spec: DeskSpec, o: DeskSelectorOverride): DeskSpec {
  const one = (s: string | undefined) => (s ? [s] : undefined);
  return {
    ...spec,
    subject: one(o.subject) ?? spec.subject,
    customerName: one(o.customerName) ?? spec.customerName,
    email: one(o.customerEmail) ?? spec.email,
    channel: one(o.channel) ?? spec.channel,
    fixedChannel: o.channel ? undefined : spec.fixedChannel,
    messages: o.messages ?? spec.messages,
    customer: o.customerMessage ?? spec.customer,
    editor: one(o.editor) ?? spec.editor,
  };
}

export function deskAdapter(spec: DeskSpec): DeskAdapter {
  return {
    spec,
    withSelectors: (o) => deskAdapter(overSpec(spec, o)),
    id: spec.id,
    name: spec.name,
    matches: spec.matches,
    composerSelector: spec.composer,
    ticketIdFrom: (url) => ticketIdWith(spec, url),
    read: (doc, url, prev) => readWith(spec, doc, url, prev),
    regions: (doc, url) => regionsWith(spec, doc, url),
    editor: (doc) => editorWith(spec, doc),
    editors: (doc) => editorsWith(spec, doc),
    composerOf: (el) => spec.composers?.find(([sel]) => within(el, sel))?.[1],
    opener: (doc) => first(rootFor(spec, doc), spec.opener) as HTMLElement | null,
  };
}
