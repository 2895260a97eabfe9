// The UI's words come from chrome.i18n (public/_locales/<lang>/messages.json), in the browser's
// language. Keys are typed from the English file, so a misspelt key is a type error. The English
// file is read only as a type here: it never lands in a bundle.

export type Messages = typeof import('../public/_locales/en/messages.json');
export type MessageKey = keyof Messages;

type Lookup = (key: string, substitutions: string[]) => string;

/** Where chrome.i18n does not exist (unit tests in jsdom), the English file answers instead. */
let fallback: Lookup | undefined;
export function setFallbackMessages(lookup: Lookup | undefined): void {
  fallback = lookup;
}

function lookup(): Lookup | undefined {
  if (typeof chrome !== 'undefined' && typeof chrome.i18n?.getMessage === 'function') {
    return (key, subs) => chrome.i18n.getMessage(key, subs);
  }
  return fallback;
}

/** The UI text for `key`, with `$1`…`$9` (or named placeholders) filled from `substitutions`. */
export function t(key: MessageKey, ...substitutions: Array<string | number>): string {
  // chrome.i18n takes at most 9 substitutions; our messages never need more.
  const text = lookup()?.(key, substitutions.map(String));
  // A missing message shows its key rather than nothing: an empty button is worse than an odd word.
  return text || key;
}

let locale: string | undefined;

/**
 * The language the UI is shown in ('de', 'pt-BR'), for Intl dates, times, numbers and plurals: the
 * language of the messages Chrome picked (each locale file names itself), with the browser's region
 * when it is the same language. getUILanguage() alone can disagree with the messages: a browser
 * started with --lang=de whose own German resources are not installed reports en-US while
 * chrome.i18n serves the German file.
 */
export function uiLocale(): string {
  if (locale) return locale;
  if (typeof chrome === 'undefined' || typeof chrome.i18n?.getUILanguage !== 'function') {
    return typeof navigator !== 'undefined' && navigator.language ? navigator.language : 'en';
  }
  const browser = chrome.i18n.getUILanguage();
  const messages = chrome.i18n.getMessage('messagesLocale');
  const language = (tag: string) => tag.split(/[-_]/)[0]!.toLowerCase();
  locale = !messages || language(messages) === language(browser) ? browser : messages;
  return locale;
}

/** Chrome's message format, done by hand for the fallback: named placeholders, then $1…$9, then $$. */
export function formatMessage(
  messages: Record<string, { message: string; placeholders?: Record<string, { content: string }> }>,
  key: string,
  substitutions: readonly string[],
): string {
  const entry = Object.hasOwn(messages, key) ? messages[key] : undefined;
  if (!entry) return '';
  const numbered = (text: string) => text.replace(/\$(\d)/g, (_, d: string) => substitutions[Number(d) - 1] ?? '');
  const named = entry.placeholders ?? {};
  return entry.message
    .replace(/\$([A-Za-z0-9_@]+)\$/g, (whole, name: string) => {
      const p = Object.entries(named).find(([n]) => n.toLowerCase() === name.toLowerCase());
      return p ? numbered(p[1].content) : whole;
    })
    .replace(/\$\$/g, '$');
}
