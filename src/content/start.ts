// What every desk page runs once its adapter is known: watch, report, insert. Shared by the built-in
// desks' content script (index.ts) and the custom desks' one (custom.ts), which differ only in how
// they find the adapter.
import type { TicketContext } from '../core/ticket';
import type { DeskSelectorOverride } from '../core/pack/types';
import { DESK_OVERRIDES_KEY } from '../desks/storage-keys';
import { HEADER_FIELDS } from '../desks/common';
import type { DeskAdapter } from '../desks/types';
import { DRAFT_PORT, isMessage, reportPort, type ContentMessage, type InsertOutcome } from '../messaging';
import { createFocusMemory } from './focus-memory';
import { insertText } from './insert';
import { chooseTarget, openEditor } from './target';
import { draftIn, watchDraft } from './draft-watch';
import { watchPage, type ReadKind } from './watch';

/** `el` is inside an element matching `selector`; a custom desk's unparsable selector matches nothing. */
function inside(el: Element, selector: string | undefined): boolean {
  try {
    return !!selector && !!el.closest(selector);
  } catch {
    return false;
  }
}

/** The desk reading with its packs' approved selector fixes (a map by desk id, src/packs/desk-overrides.ts). */
function fixed(desk: DeskAdapter, all: unknown): DeskAdapter {
  const o = all && typeof all === 'object' && Object.hasOwn(all, desk.id) ? (all as Record<string, DeskSelectorOverride>)[desk.id] : undefined;
  return o && desk.withSelectors ? desk.withSelectors(o) : desk;
}

/** `fixes`: the built-in desks' approved selector fixes, followed as the lead applies or stops them;
 *  undefined for a custom desk, whose own definition is the fix. */
export function start(desk: DeskAdapter, fixes?: { now: unknown }) {
  let adapter = fixes ? fixed(desk, fixes.now) : desk;
  let last: TicketContext | null | undefined;
  // The last report as sent: comparing one string per read is the cheap "did it change?".
  let lastSent: string | undefined;
  const memory = createFocusMemory(document);
  const sendReport = reportPort();

  /** Reads and reports the ticket; false while the page is still rendering the ticket its URL names.
   *  A 'log' read re-reads only the conversation of the ticket read last. */
  const report = (kind: ReadKind = 'full', force = false): boolean => {
    let ticket: TicketContext | null = null;
    try {
      ticket = adapter.read(document, new URL(location.href), kind === 'log' ? last : undefined);
    } catch (err) {
      // A desk that changed its markup must not take the page down: fall back to the URL alone.
      const id = adapter.ticketIdFrom(new URL(location.href));
      ticket = id ? { desk: adapter.id, host: location.hostname, ticketId: id, key: `${adapter.id}:${location.hostname}:${id}`, url: location.href, missing: ['all'] } : null;
      console.warn('[Person First] could not read the ticket', err);
    }
    const settled = !ticket?.missing?.includes('pane');
    last = ticket;
    const json = JSON.stringify(ticket);
    if (!force && json === lastSent) return settled;
    lastSent = json;
    sendReport({ type: 'ticket/changed', ticket });
    return settled;
  };

  /** The regions the last full read depended on; none when it could not read the ticket at all. */
  const regions = () => {
    // While a header field is missing the whole page is watched, so it is read the moment the desk
    // renders it again (a field outside the watched regions would otherwise never be seen coming back).
    if (!last || last.missing?.some((f) => f === 'all' || f === 'pane' || HEADER_FIELDS.includes(f))) return null;
    try {
      return adapter.regions?.(document, new URL(location.href)) ?? null;
    } catch {
      return null;
    }
  };

  const insert = async (text: string): Promise<InsertOutcome> => {
    const t = await chooseTarget(adapter, document, memory);
    if (!('el' in t)) return { ok: false, ...t };
    const r = await insertText(t.el, text, { restore: t.restore });
    return r.ok ? { ...r, into: t.into } : r;
  };

  chrome.runtime.onMessage.addListener((message: unknown, sender, sendResponse) => {
    // Only this extension's own pages (the panel) may drive the page.
    if (sender.id !== chrome.runtime.id || sender.tab || !isMessage(message)) return false;
    if (message.type === 'editor/insert') {
      insert(message.text).then(sendResponse, (err: unknown) => sendResponse({ ok: false, reason: String(err) }));
      return true;
    }
    if (message.type === 'editor/focus') {
      const t = openEditor(adapter, document, memory);
      t?.restore ? t.restore() : t?.el.focus();
      sendResponse(!!t);
      return false;
    }
    if (message.type === 'ticket/refresh') {
      report('full', true);
      sendResponse(true);
      return false;
    }
    return false;
  });

  // A pack's fix approved (or withdrawn) while the desk is open: read with it at once, no reload.
  if (fixes) {
    chrome.storage.onChanged.addListener((changes, area) => {
      if (area !== 'local' || !(DESK_OVERRIDES_KEY in changes)) return;
      adapter = fixed(desk, changes[DESK_OVERRIDES_KEY]!.newValue);
      report('full', true);
    });
  }

  watchPage(document, { ignoreInside: adapter.composerSelector, onChange: report, regions });
  // The draft is read only while a panel listens (a port from listenForDrafts): with none open, typing
  // in the desk costs nothing at all, and drafts go to the panels that asked, not to every page.
  const isReplyBox = (el: Element) => inside(el, adapter.composerSelector) || el === adapter.editor(document);
  const panels = new Set<chrome.runtime.Port>();
  let stopDrafts: (() => void) | null = null;
  const toPanels = (draft: string, to: Iterable<chrome.runtime.Port> = panels) => {
    if (!last) return;
    const message: ContentMessage = { type: 'draft/changed', key: last.key, draft, isFirstReply: !last.agentMessages };
    for (const p of to) {
      try {
        p.postMessage(message);
      } catch {
        panels.delete(p); // closed before its onDisconnect came
      }
    }
  };
  chrome.runtime.onConnect.addListener((port) => {
    // Only this extension's own pages: a port from a content script would carry a tab.
    if (port.name !== DRAFT_PORT || port.sender?.id !== chrome.runtime.id || port.sender.tab) return;
    panels.add(port);
    stopDrafts ??= watchDraft(document, isReplyBox, (draft) => toPanels(draft));
    // What the reply box holds already (typed before this panel opened, or while it reloaded): the one
    // the agent last typed in, else the desk's.
    const typed = memory.lastEditable()?.el;
    const editor = typed && isReplyBox(typed) ? typed : adapter.editor(document);
    const draft = editor ? draftIn(editor) : '';
    if (draft) toPanels(draft, [port]);
    port.onDisconnect.addListener(() => {
      panels.delete(port);
      if (panels.size) return;
      stopDrafts?.();
      stopDrafts = null;
    });
  });
  report();
}

/** Runs `start` with the adapter `choose` finds, once per page: the built-in and the custom desks'
 *  scripts share the extension's isolated world, so whichever claims the page first keeps it. */
export function startOnce(choose: () => DeskAdapter | null | Promise<DeskAdapter | null>, fixes?: Promise<unknown>): void {
  const g = globalThis as { __personFirst?: true };
  if (g.__personFirst) return;
  g.__personFirst = true;
  Promise.resolve()
    .then(choose)
    .then(async (a) => a && start(a, fixes && { now: await fixes }), (err: unknown) => console.warn('[Person First]', err));
}
