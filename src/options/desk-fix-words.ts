// A pack's desk fixes in the lead's words, in the UI language: src/packs/desk-overrides.ts hands them
// over as parts (it also runs in the service worker, which has no words to show).
import type { DeskOverride, OverrideField } from '../core/pack/types';
import { overrideChanges, overrideSelectors, unusableSelectors as unusable } from '../packs/desk-overrides';
import { t, type MessageKey } from '../i18n';

const FIELD_WORDS: Record<OverrideField, MessageKey> = {
  subject: 'fieldSubject',
  customerName: 'fieldCustomerName',
  customerEmail: 'fieldCustomerEmail',
  channel: 'fieldChannel',
  messages: 'fieldMessages',
  customerMessage: 'fieldCustomerMessages',
  editor: 'fieldReplyBox',
};

/** "customer name": a part of the ticket page a fix can point elsewhere. */
export const fieldWords = (f: OverrideField): string => t(FIELD_WORDS[f]);

/** "Changes how Person First reads Zendesk: subject, customer name", one line per desk. */
export function describeOverrides(list: readonly DeskOverride[]): string[] {
  return overrideChanges(list).map(({ desk, fields }) => t('deskFixChanges', desk, fields.map(fieldWords).join(', ')));
}

/** Each selector a fix sets, for the lead to read before approving: "Zendesk subject: h1.title". */
export function overrideSelectorLines(list: readonly DeskOverride[]): string[] {
  return overrideSelectors(list).map((s) => t('deskFixSelectorLine', s.desk, fieldWords(s.field), s.selector));
}

/** Each selector of `list` that `check` (the options page's CSS parse) refuses, in the lead's words. */
export function unusableSelectors(list: readonly DeskOverride[], check: (s: string) => string | undefined): string[] {
  return unusable(list, check).map((s) => t('deskFixUnusable', s.desk, fieldWords(s.field), s.selector, s.problem));
}
