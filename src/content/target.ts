// Where a phrase from the panel goes: only ever an editor the agent can see and use. The one they last
// typed in if it still is; else the desk's first visible composer; else, where the desk names the
// control that opens its reply box, a click on it and a short wait for the editor to show. A hidden
// editor never receives text (osTicket keeps its reply editor on the page while the note is open).
import type { DeskAdapter } from '../desks/types';
import { isUsable } from '../desks/visible';
import type { FocusMemory } from './focus-memory';
import { resolveTarget } from './insert';

export interface Target {
  el: HTMLElement;
  /** Puts the agent's caret back (the editor they last typed in). */
  restore?: () => void;
  /** The composer in the desk's words; undefined for a field that is none of the desk's composers. */
  into?: string;
}
export type Choice = Target | { reason: string; closed?: boolean };

const editorsOf = (a: DeskAdapter, doc: Document) => a.editors?.(doc) ?? [a.editor(doc)].filter((e): e is HTMLElement => !!e);
const ready = (el: HTMLElement) => isUsable(el) && !!resolveTarget(el);

function named(a: DeskAdapter, doc: Document, t: Target): Target {
  const mine = editorsOf(a, doc).some((e) => e.contains(t.el) || t.el.contains(e));
  return { ...t, into: a.composerOf?.(t.el, doc) ?? (mine ? 'reply' : undefined) };
}

/** The editor to use as the page is now, opening nothing. */
export function openEditor(a: DeskAdapter, doc: Document, memory: FocusMemory): Target | null {
  const last = memory.lastEditable();
  if (last && ready(last.el)) return named(a, doc, { el: last.el, restore: last.restore });
  const el = editorsOf(a, doc).find(ready);
  return el ? named(a, doc, { el }) : null;
}

/** Resolves with `find()`'s first truthy answer as the page changes, or null after `ms`. */
function when<T>(doc: Document, find: () => T | undefined, ms: number): Promise<T | null> {
  return new Promise((resolve) => {
    const done = (v: T | null) => {
      observer.disconnect();
      clearTimeout(timer);
      resolve(v);
    };
    const observer = new MutationObserver(() => {
      const v = find();
      if (v) done(v);
    });
    const timer = setTimeout(() => done(find() ?? null), ms);
    observer.observe(doc.documentElement, { subtree: true, childList: true, attributes: true });
  });
}

export async function chooseTarget(a: DeskAdapter, doc: Document, memory: FocusMemory, waitMs = 3000): Promise<Choice> {
  const now = openEditor(a, doc, memory);
  if (now) return now;
  const opener = a.opener?.(doc);
  if (opener && isUsable(opener)) {
    opener.click();
    const el = editorsOf(a, doc).find(ready) ?? (await when(doc, () => editorsOf(a, doc).find(ready), waitMs));
    if (el) return named(a, doc, { el });
  }
  return editorsOf(a, doc).length ? { reason: 'The reply box is closed.', closed: true } : { reason: 'No reply box found on this page.' };
}
