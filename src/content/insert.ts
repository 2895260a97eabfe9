// Puts text into a help desk's reply editor so it lands in the editor's own model (the desk really
// sends it) and stays undoable. Runs in the content script's isolated world, so it cannot call page
// objects like CKEditor's `editor`: it speaks to editors through the DOM input paths they handle
// themselves, and checks each one actually changed the editor before calling it done.
// Text only, never HTML. Cross-frame safe: nodes from a same-origin iframe fail `instanceof`
// against this window's classes, so checks use tag names and the node's own window.

export type InsertMethod = 'paste' | 'beforeinput' | 'execCommand' | 'value';
export type InsertResult = { ok: true; method: InsertMethod } | { ok: false; reason: string };
export interface InsertOptions {
  /** Puts back the caret the agent left (from focus memory); otherwise a caret outside the editor goes to its end. */
  restore?: () => void;
  /** How long an editor that claimed an event may take to show the text. */
  settleMs?: number;
}

type Field = HTMLTextAreaElement | HTMLInputElement;

const TEXT_INPUT_TYPES = new Set(['text', 'search', 'email', 'url', 'tel', '']);

export function isField(el: Element): el is Field {
  if (el.tagName === 'TEXTAREA') return true;
  return el.tagName === 'INPUT' && TEXT_INPUT_TYPES.has((el.getAttribute('type') ?? '').toLowerCase());
}

function isWritable(el: HTMLElement): boolean {
  return isField(el) ? !el.readOnly && !el.disabled : el.isContentEditable;
}

/** The editable a node belongs to: a text field, or the outermost contenteditable host (within its shadow tree). */
export function findEditable(node: Node | EventTarget | null | undefined): HTMLElement | null {
  let el = node && (node as Node).nodeType === 3 ? (node as Node).parentElement : (node as Element | null);
  if (!el || el.nodeType !== 1) return null;
  const h = el as HTMLElement;
  if (isField(h)) return isWritable(h) ? h : null;
  if (!h.isContentEditable) return null;
  let host = h;
  while (host.parentElement?.isContentEditable) host = host.parentElement;
  return host;
}

/** The editable to insert into for a target that may be a wrapper around it (e.g. an adapter's composer). */
export function resolveTarget(target: HTMLElement): HTMLElement | null {
  return findEditable(target) ?? findEditable(target.querySelector('textarea, [contenteditable="true"], [contenteditable=""], [contenteditable="plaintext-only"]'));
}

/** The selection that sees inside `el`'s tree: Chrome's ShadowRoot#getSelection for shadow content. */
export function selectionFor(el: Node): Selection | null {
  const root = el.getRootNode() as Document | (ShadowRoot & { getSelection?: () => Selection | null });
  if ('getSelection' in root && typeof root.getSelection === 'function' && root.nodeType === 11) return root.getSelection();
  return el.ownerDocument?.getSelection() ?? null;
}

function deepActive(doc: Document): Element | null {
  let a = doc.activeElement;
  while (a?.shadowRoot?.activeElement) a = a.shadowRoot.activeElement;
  return a;
}

function caretInside(el: HTMLElement): boolean {
  if (isField(el)) return true; // a field keeps its own selection, even while unfocused
  const sel = selectionFor(el);
  return !!sel && sel.rangeCount > 0 && el.contains(sel.getRangeAt(0).startContainer);
}

/** Caret at the end of the editor's last text (not after its last block, which editors treat as outside). */
function caretAtEnd(el: HTMLElement): void {
  if (isField(el)) {
    const end = el.value.length;
    try { el.setSelectionRange(end, end); } catch { /* email inputs have no selection API */ }
    return;
  }
  const doc = el.ownerDocument;
  const range = doc.createRange();
  let last: Node = el;
  while (last.lastChild && !(last.lastChild.nodeType === 1 && (last.lastChild as Element).tagName === 'BR')) last = last.lastChild;
  if (last.nodeType === 3) range.setStart(last, (last as Text).length);
  else range.selectNodeContents(last), range.collapse(false);
  const sel = selectionFor(el);
  sel?.removeAllRanges();
  sel?.addRange(range);
}

/** Yields one task without timers, which hidden desk tabs throttle to once a second. */
function nextTask(): Promise<void> {
  return new Promise((resolve) => {
    const ch = new MessageChannel();
    ch.port1.onmessage = () => resolve();
    ch.port2.postMessage(0);
  });
}

/** Whitespace-free text, so the check ignores how editors render spaces, nbsp and line breaks. */
const squash = (s: string) => s.replace(/[\s\u200b\ufeff\u2060]+/g, '');
const textNow = (el: HTMLElement) => squash(isField(el) ? el.value : el.textContent ?? '');
const count = (hay: string, needle: string) => hay.split(needle).length - 1;

/** True once `el` shows one more copy of `needle` than `before` had; polls briefly when an editor claimed the event. */
async function landed(el: HTMLElement, needle: string, before: number, claimed: boolean, settleMs: number): Promise<boolean> {
  await nextTask();
  if (count(textNow(el), needle) > before) return true;
  if (!claimed) return false;
  // An editor that handled the event may render a little later (batched updates); give it a moment
  // rather than trying the next path and inserting twice.
  const until = Date.now() + settleMs;
  while (Date.now() < until) {
    await new Promise((r) => setTimeout(r, 20));
    if (count(textNow(el), needle) > before) return true;
  }
  return false;
}

/** The innermost element at the caret, so events start where a real paste would. */
function eventTarget(el: HTMLElement): Element {
  const node = selectionFor(el)?.focusNode;
  const at = node && (node.nodeType === 1 ? (node as Element) : node.parentElement);
  return at && el.contains(at) ? at : el;
}

type Attempt = [InsertMethod, () => boolean];

function richAttempts(el: HTMLElement, text: string): Attempt[] {
  const win = (el.ownerDocument.defaultView ?? window) as typeof window;
  const data = () => {
    const dt = new win.DataTransfer();
    dt.setData('text/plain', text);
    return dt;
  };
  const multiline = text.includes('\n');
  return [
    ['paste', () => !eventTarget(el).dispatchEvent(new win.ClipboardEvent('paste', { clipboardData: data(), bubbles: true, cancelable: true, composed: true }))],
    ['beforeinput', () => !eventTarget(el).dispatchEvent(new win.InputEvent('beforeinput', multiline
      ? { inputType: 'insertFromPaste', data: null, dataTransfer: data(), bubbles: true, cancelable: true, composed: true }
      : { inputType: 'insertText', data: text, bubbles: true, cancelable: true, composed: true }))],
    // Chrome turns each "\n" into a paragraph break and records one native undo step.
    ['execCommand', () => el.ownerDocument.execCommand('insertText', false, text)],
  ];
}

function fieldAttempts(el: Field, text: string): Attempt[] {
  const value = el.tagName === 'TEXTAREA' ? text : text.replace(/\n+/g, ' ');
  return [
    // Keeps the browser's own undo stack and fires the input events frameworks listen to.
    ['execCommand', () => el.ownerDocument.execCommand('insertText', false, value)],
    // Last resort for fields that refuse execCommand: React-style controlled fields track `value`
    // through an instance setter, so set it through the prototype's and announce it with `input`.
    ['value', () => {
      const win = (el.ownerDocument.defaultView ?? window) as typeof window;
      const proto = el.tagName === 'TEXTAREA' ? win.HTMLTextAreaElement.prototype : win.HTMLInputElement.prototype;
      const setValue = Object.getOwnPropertyDescriptor(proto, 'value')?.set;
      const start = el.selectionStart ?? el.value.length;
      const end = el.selectionEnd ?? start;
      setValue?.call(el, el.value.slice(0, start) + value + el.value.slice(end));
      try { el.setSelectionRange(start + value.length, start + value.length); } catch { /* no selection API */ }
      el.dispatchEvent(new win.InputEvent('input', { inputType: 'insertText', data: value, bubbles: true, composed: true }));
      return false;
    }],
  ];
}

export async function insertText(target: HTMLElement, rawText: string, opts: InsertOptions = {}): Promise<InsertResult> {
  const text = rawText.replace(/\r\n?/g, '\n');
  const el = resolveTarget(target);
  if (!el || !isWritable(el)) return { ok: false, reason: 'The reply box cannot be edited here.' };
  const needle = squash(text.split('\n').reduce((a, b) => (squash(b).length > squash(a).length ? b : a), ''));
  if (!needle) return { ok: false, reason: 'Nothing to insert.' };

  opts.restore?.();
  // Checked before focusing: focusing a contenteditable without a selection puts the caret at its start.
  const hadCaret = caretInside(el);
  if (!el.contains(deepActive(el.ownerDocument))) el.focus({ preventScroll: true });
  if (!hadCaret) caretAtEnd(el);
  // Editors (CKEditor, Lexical) move their model selection on `selectionchange`, which is async.
  await nextTask();

  const attempts = isField(el) ? fieldAttempts(el, text) : richAttempts(el, text);
  for (const [method, run] of attempts) {
    const before = count(textNow(el), needle);
    let claimed: boolean;
    try {
      claimed = run();
    } catch {
      continue; // e.g. event constructors missing: try the next path
    }
    if (await landed(el, needle, before, claimed, opts.settleMs ?? 300)) return { ok: true, method };
  }
  return { ok: false, reason: 'The editor did not accept the text.' };
}
