// Reads the agent's draft as they type, for the panel's draft check. Read-only and throttled:
// it never changes the draft, and does one bounded read per `intervalMs` at most.
import { textOf } from '../desks/dom';

const MAX_DRAFT = 5000;

export function watchDraft(doc: Document, isEditor: (el: Element) => boolean, onDraft: (text: string, el: Element) => void, intervalMs = 300): () => void {
  let timer: ReturnType<typeof setTimeout> | undefined;
  let pending: Element | null = null;
  let lastText = '';

  const flush = () => {
    timer = undefined;
    if (!pending) return;
    const text = textOf(pending, MAX_DRAFT) ?? '';
    if (text !== lastText) {
      lastText = text;
      onDraft(text, pending);
    }
  };

  const onInput = (e: Event) => {
    const el = e.composedPath()[0];
    if (!(el instanceof Element)) return;
    const host = el.closest('[contenteditable="true"], textarea') ?? el;
    if (!isEditor(host)) return;
    pending = host;
    timer ??= setTimeout(flush, intervalMs);
  };

  doc.addEventListener('input', onInput, true);
  return () => {
    doc.removeEventListener('input', onInput, true);
    clearTimeout(timer);
  };
}
