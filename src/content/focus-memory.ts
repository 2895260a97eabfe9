// Remembers where the agent was last typing (the editable and its caret), so text picked in the
// side panel (which has focus by then) can go back to exactly that spot. Covers open shadow roots
// (via composedPath) and same-origin iframes (listened to as they load or take focus). Listeners
// are capture-phase and O(1) per event, except a caret offset computed over the draft's text.
import { findEditable, isField, selectionFor } from './insert';

export interface RememberedEditable {
  el: HTMLElement;
  /** Focuses the editable and puts its selection back where the agent left it. */
  restore(): void;
}

export interface FocusMemory {
  lastEditable(): RememberedEditable | null;
  dispose(): void;
}

interface Spot {
  el: HTMLElement;
  start: number;
  end: number;
  /** Contenteditable only: the exact range, valid while the editor has not re-rendered around it. */
  range: Range | null;
}

/** Characters of text between the start of `host` and a boundary point; survives editors re-rendering their nodes. */
function textOffset(host: HTMLElement, node: Node, offset: number): number {
  const r = host.ownerDocument.createRange();
  r.setStart(host, 0);
  r.setEnd(node, offset);
  return r.toString().length;
}

function pointAt(host: HTMLElement, offset: number): [Node, number] {
  const walker = host.ownerDocument.createTreeWalker(host, 4 /* NodeFilter.SHOW_TEXT */);
  let last: Text | null = null;
  for (let n = walker.nextNode() as Text | null; n; n = walker.nextNode() as Text | null) {
    if (offset <= n.length) return [n, offset];
    offset -= n.length;
    last = n;
  }
  return last ? [last, last.length] : [host, host.childNodes.length];
}

function rangeStillValid(spot: Spot): boolean {
  const r = spot.range;
  return !!r && r.startContainer.isConnected && spot.el.contains(r.startContainer) && spot.el.contains(r.endContainer)
    && textOffset(spot.el, r.startContainer, r.startOffset) === spot.start && textOffset(spot.el, r.endContainer, r.endOffset) === spot.end;
}

function restoreSpot(spot: Spot): void {
  const { el } = spot;
  el.focus({ preventScroll: true });
  if (isField(el)) {
    try { el.setSelectionRange(Math.min(spot.start, el.value.length), Math.min(spot.end, el.value.length)); } catch { /* email inputs */ }
    return;
  }
  let range = spot.range;
  if (!range || !rangeStillValid(spot)) {
    range = el.ownerDocument.createRange();
    range.setStart(...pointAt(el, spot.start));
    range.setEnd(...pointAt(el, spot.end));
  }
  const sel = selectionFor(el);
  sel?.removeAllRanges();
  sel?.addRange(range);
}

// Focus moving on (focusout) and the panel asking (lastEditable) read the live caret at once; the timer
// is only a safety net, so it is long: every flush wakes the caret listeners again while the agent types.
const CARET_MS = 10_000;

function sameOriginDoc(frame: HTMLIFrameElement): Document | null {
  try {
    return frame.contentDocument; // null for cross-origin frames
  } catch {
    return null;
  }
}

export function createFocusMemory(doc: Document): FocusMemory {
  let spot: Spot | null = null;
  // Documents listened to, with how to stop; frames that navigated away are dropped as new ones come.
  const watched = new Map<Document, () => void>();

  /** Records the caret of `el` if it is where the agent is now. */
  const record = (el: HTMLElement) => {
    if (isField(el)) {
      const end = el.value.length;
      spot = { el, start: el.selectionStart ?? end, end: el.selectionEnd ?? end, range: null };
      return;
    }
    const sel = selectionFor(el);
    const range = sel && sel.rangeCount ? sel.getRangeAt(0) : null;
    if (!range || !el.contains(range.startContainer) || !el.contains(range.endContainer)) {
      if (spot?.el !== el) spot = { el, start: el.textContent?.length ?? 0, end: el.textContent?.length ?? 0, range: null };
      return;
    }
    spot = { el, start: textOffset(el, range.startContainer, range.startOffset), end: textOffset(el, range.endContainer, range.endOffset), range: range.cloneRange() };
  };

  // Every keystroke moves the caret (keyup and selectionchange), and a contenteditable's caret offset
  // is a walk over the draft: after one caret move the caret listeners rest, and the caret is read
  // CARET_MS later, or at once when focus moves on or the caret is asked for.
  let moved: HTMLElement | null = null;
  let caretTimer: ReturnType<typeof setTimeout> | undefined;
  let resume: (() => void) | null = null;
  const flushCaret = () => {
    clearTimeout(caretTimer);
    caretTimer = undefined;
    const el = moved;
    moved = null;
    resume?.();
    resume = null;
    if (el) record(el);
  };

  const watchFrame = (node: EventTarget | null) => {
    if ((node as Element | null)?.tagName !== 'IFRAME') return;
    const inner = sameOriginDoc(node as HTMLIFrameElement);
    if (inner) watch(inner);
  };

  const watch = (d: Document) => {
    if (watched.has(d)) return;
    for (const [old, stop] of watched) if (!old.defaultView) stop(), watched.delete(old);
    const onFocusIn = (e: Event) => {
      flushCaret();
      const target = e.composedPath()[0] ?? null;
      watchFrame(target);
      const el = findEditable(target);
      if (el) record(el);
    };
    // Caret moves while typing or clicking inside the editable we already know.
    const onCaretMove = () => {
      if (!spot || spot.el.ownerDocument !== d) return;
      let active = d.activeElement;
      while (active?.shadowRoot?.activeElement) active = active.shadowRoot.activeElement;
      if (!active || !spot.el.contains(active)) return;
      if (isField(spot.el)) return record(spot.el); // two numbers: cheap enough for every keystroke
      moved = spot.el;
      listenCaret(false);
      resume = () => listenCaret(true);
      caretTimer ??= setTimeout(flushCaret, CARET_MS);
    };
    // A frame taking focus blurs this window: that is when a frame that appeared later gets watched.
    const onBlur = () => watchFrame(d.activeElement);
    const onLoad = (e: Event) => watchFrame(e.target);
    const win = d.defaultView;
    d.addEventListener('focusin', onFocusIn, true);
    d.addEventListener('focusout', flushCaret, true);
    d.addEventListener('load', onLoad, true);
    const listenCaret = (on: boolean) => {
      for (const type of ['selectionchange', 'keyup', 'mouseup']) (on ? d.addEventListener : d.removeEventListener).call(d, type, onCaretMove, true);
    };
    listenCaret(true);
    win?.addEventListener('blur', onBlur);
    watched.set(d, () => {
      d.removeEventListener('focusin', onFocusIn, true);
      d.removeEventListener('focusout', flushCaret, true);
      d.removeEventListener('load', onLoad, true);
      listenCaret(false);
      win?.removeEventListener('blur', onBlur);
    });
    d.querySelectorAll('iframe').forEach(watchFrame);
    // The agent may already be typing when the content script starts.
    let active = d.activeElement;
    while (active?.shadowRoot?.activeElement) active = active.shadowRoot.activeElement;
    watchFrame(active);
    const el = findEditable(active);
    if (el) record(el);
  };

  watch(doc);

  return {
    lastEditable() {
      flushCaret();
      const current = spot;
      if (!current || !current.el.isConnected) return null;
      return { el: current.el, restore: () => restoreSpot(current) };
    },
    dispose() {
      watched.forEach((stop) => stop());
      watched.clear();
      clearTimeout(caretTimer);
      moved = null;
      resume = null;
      spot = null;
    },
  };
}
