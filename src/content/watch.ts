// Watches a single-page desk for ticket changes cheaply.
// - Until a full read has found the ticket's regions (DeskAdapter.regions), or while the page is
//   still rendering the ticket the URL names, every change on the page is watched (mutations inside
//   the reply editor ignored) and read in full.
// - Once it has, only those regions are observed: the conversation log (its growth asks for a 'log'
//   read: header reused, newest message read), the header elements (a 'full' read), the direct children
//   of the regions' ancestors (a region replaced by a re-render), and the attributes desks switch
//   tickets with. Typing in the reply box and changes elsewhere on the page cost nothing at all.
// - While a read is due, the observers it makes redundant are disconnected: a busy chat costs one
//   callback per read, not one per message.
// A read after a URL change or an unfinished render happens at once, in the observer's callback as
// the desk's render ends (ticket switches feel instant); one right after a quiet spell in the next
// task; a growing conversation is read at most once per `logIntervalMs`, other changes at most once
// per `busyIntervalMs`.
import type { Regions } from '../desks/types';

export type ReadKind = 'full' | 'log';

export interface WatchOptions {
  ignoreInside?: string;
  /** Reads the page; returns false when the page is still rendering what the URL names. */
  onChange(kind: ReadKind): boolean;
  /** What the last full read depended on; null (or absent) when any change may matter. */
  regions?(): Regions | null;
  busyIntervalMs?: number;
  logIntervalMs?: number;
}

const SWITCH_ATTRIBUTES = ['data-is-active', 'data-selected', 'hidden', 'aria-selected'];
const LOG_OPTIONS: MutationObserverInit = { subtree: true, childList: true, characterData: true };

export function watchPage(doc: Document, opts: WatchOptions): () => void {
  const win = doc.defaultView!;
  const busyInterval = opts.busyIntervalMs ?? 250;
  // A message after a quiet spell is read at once; a conversation growing faster than this is read at
  // most this often (a burst costs a read every 2 s, and the panel is never more than 2 s behind it).
  const logInterval = opts.logIntervalMs ?? 2000;
  const channel = new MessageChannel();
  let timer: ReturnType<typeof setTimeout> | undefined;
  let queued = false;
  /** What the next read must cover; null when none is due. */
  let pending: ReadKind | null = null;
  let dueAt = Infinity;
  let lastRead = -Infinity;
  let lastUrl = win.location.href;
  let settled = true;
  let regions: Regions | null = null;
  /** The regions the observers were last set up for. */
  let watched: Regions | null = null;
  let composer: Element | null = null;

  const inComposer = (node: Node): boolean => {
    const el = node.nodeType === 1 ? (node as Element) : node.parentElement;
    if (!el || !opts.ignoreInside) return false;
    if (composer?.contains(el)) return true;
    try {
      const found = el.closest(opts.ignoreInside);
      if (found) composer = found;
      return !!found;
    } catch {
      return false; // a custom desk's unparsable editor selector
    }
  };

  const detached = (r: Regions) => (r.root && !r.root.isConnected) || (r.log && !r.log.isConnected) || r.header.some((h) => !h.isConnected);

  // Watching everything: before the regions are known, and while the page renders a ticket.
  const everything = new MutationObserver((records) => {
    if (pending === 'full' && queued && win.location.href === lastUrl) return;
    if (records.some((r) => !inComposer(r.target))) want('full', !settled || win.location.href !== lastUrl);
  });
  // Watching the regions only.
  const switches = new MutationObserver((records) => {
    if (records.some((r) => !inComposer(r.target))) want('full', win.location.href !== lastUrl);
  });
  const log = new MutationObserver((records) => {
    if (records.every((r) => inComposer(r.target))) return;
    want(regions && detached(regions) ? 'full' : 'log');
  });
  const header = new MutationObserver((records) => {
    const r0 = regions;
    // A region's ancestor lost or gained a child: a re-render (most likely a switch) when it took a region along.
    if (!r0 || detached(r0)) return want('full', true);
    for (const r of records) {
      if (inComposer(r.target)) continue;
      // In a header element, or new content beside the regions (a new day's group of messages, a field
      // rendered late): a full read. Outside the ticket's pane (another pane, a toast): nothing.
      if (r0.header.some((h) => h.contains(r.target)) || (r.addedNodes.length && (!r0.root || r0.root.contains(r.target)))) return want('full', win.location.href !== lastUrl);
    }
  });

  const observe = () => {
    everything.disconnect();
    switches.disconnect();
    log.disconnect();
    header.disconnect();
    const r0 = regions;
    watched = r0;
    if (!r0) {
      everything.observe(doc.documentElement, { subtree: true, childList: true, characterData: true, attributes: true, attributeFilter: SWITCH_ATTRIBUTES });
      return;
    }
    switches.observe(doc.documentElement, { subtree: true, attributes: true, attributeFilter: SWITCH_ATTRIBUTES });
    if (pending === 'full') return;
    // Every ancestor of a region, for its direct children only: a re-render that replaces a region at any
    // depth shows up there, while the typing and messages below them do not.
    const ancestors = new Set<Node>();
    for (const el of [r0.root, r0.log, ...r0.header]) for (let p = el?.parentNode; p && !ancestors.has(p); p = p.parentNode) ancestors.add(p);
    for (const p of ancestors) header.observe(p, { childList: true });
    // After the ancestors: observing a node again replaces its options, and a header element may hold another.
    for (const h of r0.header) header.observe(h, { subtree: true, childList: true, characterData: true });
    if (pending !== 'log' && r0.log) log.observe(r0.log, LOG_OPTIONS);
  };

  const run = () => {
    const kind = pending;
    clearTimeout(timer);
    timer = undefined;
    queued = false;
    pending = null;
    dueAt = Infinity;
    if (kind) {
      lastRead = performance.now();
      lastUrl = win.location.href;
      settled = opts.onChange(kind);
      if (kind === 'full') regions = settled ? opts.regions?.() ?? null : null;
      // Nothing found to watch: every change may be the ticket appearing.
      if (regions && !regions.root && !regions.log && !regions.header.length) regions = null;
    }
    // After a read of the log alone, with no other change meanwhile (that would have made it a full
    // read), the other observers still watch the same regions: only the log's is back on.
    if (kind === 'log' && regions?.log && regions === watched) log.observe(regions.log, LOG_OPTIONS);
    else observe();
  };
  let inFlight = false;
  channel.port1.onmessage = () => {
    inFlight = false;
    if (queued) run(); // else a timer ran it meanwhile
  };

  // A task, not an animation frame: it comes as soon as the desk's current task (its render) is done,
  // up to a frame sooner, and hidden tabs, which get no frames, are kept current too.
  const soon = () => {
    if (queued) return;
    queued = true;
    if (inFlight) return;
    inFlight = true;
    channel.port2.postMessage(0);
  };

  function want(kind: ReadKind, urgent = false) {
    const before = pending;
    if (pending !== 'full') pending = kind;
    // A log read due: only the log's observer rests (a full read due rests all but the switches').
    if (pending !== before && regions) before === null && pending === 'log' ? log.disconnect() : observe();
    const at = urgent ? 0 : lastRead + (pending === 'full' ? busyInterval : logInterval);
    if (at >= dueAt) return;
    dueAt = at;
    clearTimeout(timer);
    const wait = at - performance.now();
    // A switch or an unfinished render is read right here, as the desk's render task ends: a task
    // posted now would wait behind whatever the desk queued meanwhile (an editor starting up in the
    // new pane took 30 to 400 ms on a busy machine).
    if (wait <= 0 && urgent) run();
    else if (wait <= 0) soon();
    else timer = setTimeout(run, wait); // already a task of its own: no second hop
  }

  observe();

  const onUrl = () => {
    if (win.location.href !== lastUrl) want('full', true);
  };
  win.addEventListener('popstate', onUrl);
  win.addEventListener('hashchange', onUrl);
  const nav = (win as unknown as { navigation?: EventTarget }).navigation;
  nav?.addEventListener('navigatesuccess', onUrl);

  return () => {
    for (const o of [everything, switches, log, header]) o.disconnect();
    clearTimeout(timer);
    pending = null;
    win.removeEventListener('popstate', onUrl);
    win.removeEventListener('hashchange', onUrl);
    nav?.removeEventListener('navigatesuccess', onUrl);
    channel.port1.close();
  };
}
