import { cleanText, MAX_MESSAGE_CHARS } from '../core/ticket';

type Root = Document | Element;

/** querySelector that treats an unparsable selector (a custom desk's typo) as "not found". */
export function q(root: Root | null | undefined, selector: string): Element | null {
  try {
    return root ? root.querySelector(selector) : null;
  } catch {
    return null;
  }
}

/** The first element matching any of the selectors, in the order given (newest markup first). */
export function first(root: Root | null | undefined, selectors: readonly string[] | undefined): Element | null {
  for (const s of selectors ?? []) {
    const el = q(root, s);
    if (el) return el;
  }
  return null;
}

const BLOCK = /^(P|DIV|BR|LI|UL|OL|H[1-6]|BLOCKQUOTE|PRE|TR|TD|TH|SECTION|ARTICLE)$/;
/** Never read as text: code, styles, templates, and form fields (their values are not text nodes,
 *  but a <select>'s options or a <textarea>'s default would be). */
const SKIP = /^(SCRIPT|STYLE|TEMPLATE|NOSCRIPT|INPUT|SELECT|TEXTAREA)$/;
/**
 * The input types whose value is text a person typed to be read: a selector from a pack or a
 * custom desk pointing at a password, hidden or any other input gets nothing.
 */
const TEXT_INPUT_TYPES = new Set(['text', 'search', 'email', 'tel', 'url']);

/** Hidden on purpose: the `hidden` attribute or aria-hidden. Checked without computing styles. */
function hiddenElement(el: Element): boolean {
  return el.hasAttribute('hidden') || el.getAttribute('aria-hidden') === 'true';
}

/** Text of a subtree with block boundaries kept as spaces. Unlike innerText it forces no layout,
 *  which matters on a busy chat page, and it stops once it has enough. */
function plainText(node: Node, limit: number): string {
  let out = '';
  const walk = (n: Node) => {
    if (out.length > limit) return;
    if (n.nodeType === 3) out += (n as Text).data;
    else if (n.nodeType === 1) {
      if (SKIP.test((n as Element).tagName) || hiddenElement(n as Element)) return;
      const block = BLOCK.test((n as Element).tagName);
      if (block) out += ' ';
      for (let c = n.firstChild; c; c = c.nextSibling) walk(c);
      if (block) out += ' ';
    }
  };
  walk(node);
  return out;
}

/** Text of an element (or the value of a text field), cleaned and bounded. Password, hidden and
 *  other non-text inputs, and elements hidden on purpose, read as nothing. */
export function textOf(el: Element | null | undefined, max = MAX_MESSAGE_CHARS): string | undefined {
  if (!el) return undefined;
  if (el instanceof HTMLInputElement) return TEXT_INPUT_TYPES.has(el.type) ? cleanText(el.value, max) : undefined;
  if (el instanceof HTMLTextAreaElement) return cleanText(el.value, max);
  if (el instanceof HTMLSelectElement || hiddenElement(el)) return undefined;
  return cleanText(plainText(el, max * 2), max);
}

export function attrOf(el: Element | null | undefined, name: string): string | undefined {
  return cleanText(el?.getAttribute(name));
}

/** The newest `limit` matches at most, oldest first: a long conversation is read from its newest
 *  end, with bounded work. `newestFirst` is for desks that list the newest message at the top. */
export function lastMatches(root: Root | null | undefined, selector: string | undefined, { limit = 200, newestFirst = false } = {}): Element[] {
  if (!root || !selector) return [];
  let all: NodeListOf<Element>;
  try {
    all = root.querySelectorAll(selector);
  } catch {
    return [];
  }
  // Indexed, not Array.from: only the `limit` kept elements are touched, however long the list.
  const out: Element[] = [];
  const n = Math.min(limit, all.length);
  for (let i = 0; i < n; i++) out.push(all[newestFirst ? n - 1 - i : all.length - n + i]!);
  return out;
}

export function hostOf(url: URL): string {
  return url.hostname.toLowerCase();
}

/** Records which fields a read failed to find, so a broken selector surfaces as a missing field. */
export class FieldReport {
  readonly missing: string[] = [];
  take<T>(name: string, value: T | undefined | null): T | undefined {
    if (value === undefined || value === null || value === '') {
      this.missing.push(name);
      return undefined;
    }
    return value;
  }
}
