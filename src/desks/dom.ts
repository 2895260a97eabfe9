import { cleanText } from '../core/ticket';

type Root = Document | Element;

/** The first element matching any of the selectors, in the order given (newest markup first). */
export function first(root: Root | null | undefined, selectors: readonly string[]): Element | null {
  if (!root) return null;
  for (const s of selectors) {
    const el = root.querySelector(s);
    if (el) return el;
  }
  return null;
}

/** Visible text of an element (or the value of a form field), cleaned and bounded. */
export function textOf(el: Element | null | undefined, max?: number): string | undefined {
  if (!el) return undefined;
  if (el instanceof HTMLInputElement || el instanceof HTMLTextAreaElement) return cleanText(el.value, max);
  return cleanText((el as HTMLElement).innerText ?? el.textContent, max);
}

export function attrOf(el: Element | null | undefined, name: string): string | undefined {
  return cleanText(el?.getAttribute(name));
}

/** The last `limit` matches at most: a long conversation is read from its end, with bounded work. */
export function lastMatches(root: Root | null | undefined, selector: string, limit = 200): Element[] {
  if (!root) return [];
  const all = root.querySelectorAll(selector);
  const from = Math.max(0, all.length - limit);
  const out: Element[] = [];
  for (let i = from; i < all.length; i++) out.push(all[i]!);
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
