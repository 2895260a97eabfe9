// "Test on the open tab" (Options → Help desks): outlines on the desk page what each of the desk's
// selectors matches, with the packs' fixes in place, and reports each part found or missing. The
// check is injected into the desk tab from here (chrome.scripting) rather than built into the
// content script, which stays small: it runs only when the lead asks.
import type { DeskSelectorOverride, OverrideField } from '../core/pack/types';
import { SEL as ZENDESK } from '../desks/zendesk';
import { matchesPattern } from '../desks/match';
import type { DeskAdapter } from '../desks/types';
import { fieldWords } from './desk-fix-words';
import { t } from '../i18n';

export interface Probe {
  field: OverrideField;
  selectors: string[];
}

export interface ProbeResult {
  field: OverrideField;
  /** The selector that matched (the first of the field's that did). */
  selector?: string;
  count: number;
  /** The first match's text, short, for the lead to tell the right element from a wrong one. */
  sample?: string;
}

export interface DeskTestReport {
  tabTitle: string;
  results: (ProbeResult & { label: string; tried: string[] })[];
}

const list = (v: readonly string[] | string | undefined, fix: string | undefined): string[] => (fix ? [fix] : typeof v === 'string' ? [v] : [...(v ?? [])]);

/** Where the desk reads each part, fixes included; `scope`: the visible ticket's container, if the desk has one. */
export function probesFor(desk: DeskAdapter, fixes: DeskSelectorOverride = {}): { scope: string[]; probes: Probe[] } {
  let scope: string[];
  let parts: Record<OverrideField, string[]>;
  if (desk.id === 'zendesk' && !desk.spec) {
    const inRequester = (s: string) => `${ZENDESK.requester} ${s}`;
    scope = [ZENDESK.activePane];
    parts = {
      subject: list(ZENDESK.subject, fixes.subject),
      customerName: list(inRequester(ZENDESK.requesterName), fixes.customerName),
      customerEmail: list(inRequester(ZENDESK.requesterAvatar), fixes.customerEmail),
      channel: list(ZENDESK.channel, fixes.channel),
      messages: list(ZENDESK.message, fixes.messages),
      customerMessage: list(`${ZENDESK.message} ${ZENDESK.content}`, fixes.customerMessage),
      editor: list(ZENDESK.editor, fixes.editor),
    };
  } else {
    const spec = (desk.withSelectors?.(fixes) ?? desk).spec;
    if (!spec) return { scope: [], probes: [] };
    // A scope naming the ticket id ({id}) cannot be tried without the id: the whole page is.
    scope = (spec.scope ?? []).filter((s) => !s.includes('{id}'));
    parts = {
      subject: list(spec.subject, undefined),
      customerName: list(spec.customerName, undefined),
      customerEmail: list(spec.email, undefined),
      channel: list(spec.channel, undefined),
      messages: list(spec.messages, undefined),
      customerMessage: list(spec.customer ?? (spec.messages && spec.body ? `${spec.messages} ${spec.body}` : undefined), undefined),
      editor: list(spec.editor, undefined),
    };
  }
  const probes = (Object.keys(parts) as OverrideField[]).filter((f) => parts[f].length).map((field) => ({ field, selectors: parts[field] }));
  return { scope, probes };
}

/**
 * Runs in the desk page (serialised by chrome.scripting: it must use nothing from outside). Clears the
 * last test's outlines, then outlines every match of each part's first matching selector.
 */
export function outlineOnPage(scope: string[], probes: Probe[]): ProbeResult[] {
  const MARK = 'data-person-first-test';
  for (const el of Array.from(document.querySelectorAll(`[${MARK}]`))) {
    (el as HTMLElement).style.outline = el.getAttribute(`${MARK}-was`) ?? '';
    el.removeAttribute(MARK);
    el.removeAttribute(`${MARK}-was`);
  }
  let root: Document | Element = document;
  for (const s of scope) {
    try {
      const el = document.querySelector(s);
      if (el) {
        root = el;
        break;
      }
    } catch { /* not a selector: the whole page */ }
  }
  const TEXT_INPUTS = ['text', 'search', 'email', 'tel', 'url'];
  const sampleOf = (el: Element): string | undefined => {
    if (el instanceof HTMLInputElement) return TEXT_INPUTS.includes(el.type) ? el.value : undefined;
    if (el instanceof HTMLImageElement) return el.alt;
    return el.textContent ?? undefined;
  };
  return probes.map(({ field, selectors }) => {
    for (const s of selectors) {
      let found: Element[];
      try {
        found = Array.from(root.querySelectorAll(s)).slice(0, 50);
      } catch {
        continue;
      }
      if (!found.length) continue;
      for (const el of found) {
        if (!(el instanceof HTMLElement)) continue;
        el.setAttribute(`${MARK}-was`, el.style.outline);
        el.setAttribute(MARK, field);
        el.style.outline = '3px solid #d9480f';
      }
      const sample = sampleOf(found[found.length - 1]!)?.replace(/\s+/g, ' ').trim().slice(0, 80);
      return { field, selector: s, count: found.length, sample: sample || undefined };
    }
    return { field, count: 0 };
  });
}

/** The desk's tab the agent used last, or null when none is open. */
async function deskTab(desk: DeskAdapter): Promise<chrome.tabs.Tab | null> {
  const tabs = await chrome.tabs.query({});
  const ours = tabs.filter((t) => {
    try {
      return !!t.url && desk.matches.some((p) => matchesPattern(p, new URL(t.url!)));
    } catch {
      return false;
    }
  });
  ours.sort((a, b) => ((b as { lastAccessed?: number }).lastAccessed ?? 0) - ((a as { lastAccessed?: number }).lastAccessed ?? 0) || Number(b.active) - Number(a.active));
  return ours[0] ?? null;
}

export async function testOnOpenTab(desk: DeskAdapter, fixes: DeskSelectorOverride | undefined): Promise<DeskTestReport | { error: string }> {
  const tab = await deskTab(desk);
  if (!tab?.id) return { error: t('deskTestNoTab', desk.name) };
  const { scope, probes } = probesFor(desk, fixes);
  try {
    const [done] = await chrome.scripting.executeScript({ target: { tabId: tab.id }, func: outlineOnPage, args: [scope, probes] });
    const results = (done?.result ?? []) as ProbeResult[];
    return {
      tabTitle: tab.title || tab.url || desk.name,
      results: results.map((r) => ({ ...r, label: fieldWords(r.field), tried: probes.find((p) => p.field === r.field)?.selectors ?? [] })),
    };
  } catch (err) {
    return { error: t('deskTestFailed', desk.name, (err as Error).message) };
  }
}
