// Reads the agent's draft for the panel's draft check, once typing pauses. Read-only: it never
// changes the draft. The first keystroke is heard and the listener then rests: the draft is read
// `quietMs` later, and again at growing intervals (up to `maxWaitMs`) while it keeps changing; once
// two reads agree (typing paused), or `maxWaitMs` of unbroken typing went by, it is reported if it
// differs from the last draft reported. So a burst of typing costs a few bounded reads, not work on
// every key.
import { textOf } from '../desks/dom';

const MAX_DRAFT = 5000;

/** The draft in a reply box, as the watcher reports it. */
export const draftIn = (el: Element): string => textOf(el, MAX_DRAFT) ?? '';

export interface DraftWatchOptions {
  quietMs?: number;
  maxWaitMs?: number;
}

export function watchDraft(doc: Document, isEditor: (el: Element) => boolean, onDraft: (text: string, el: Element) => void, { quietMs = 400, maxWaitMs = 3200 }: DraftWatchOptions = {}): () => void {
  let timer: ReturnType<typeof setTimeout> | undefined;
  let target: Element | null = null;
  let since = 0;
  let seen: string | undefined;
  let wait = quietMs;
  let lastText = '';

  const listen = () => doc.addEventListener('input', onInput, true);

  const check = () => {
    timer = undefined;
    const el = target;
    const host = el?.isConnected ? el.closest('[contenteditable="true"], textarea') ?? el : null;
    if (!host || !isEditor(host)) {
      seen = undefined;
      return listen();
    }
    const text = draftIn(host);
    if (text !== seen && performance.now() - since < maxWaitMs) {
      // Changed since the last look: the agent is still typing.
      seen = text;
      wait = Math.min(wait * 2, maxWaitMs);
      timer = setTimeout(check, wait);
      return;
    }
    seen = text;
    if (text !== lastText) {
      lastText = text;
      onDraft(text, host);
    }
    listen();
  };

  function onInput(e: Event) {
    const el = e.composedPath()[0];
    if (!(el instanceof Element)) return;
    target = el;
    since = performance.now();
    doc.removeEventListener('input', onInput, true);
    wait = quietMs;
    timer = setTimeout(check, wait);
  }

  listen();
  return () => {
    doc.removeEventListener('input', onInput, true);
    clearTimeout(timer);
  };
}
