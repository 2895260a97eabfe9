/**
 * Which language the panel offers phrases in. The customer's language wins when their latest message
 * says it clearly and a pack speaks it; otherwise the agent's own language, then English. The agent
 * can switch per ticket with one click, and that choice outranks both. Pure: the panel detects the
 * language (chrome.i18n.detectLanguage) and stores the choice; this decides.
 */

/** What a language detector said about a text: the shape chrome.i18n.detectLanguage answers with. */
export interface LanguageDetection {
  isReliable: boolean;
  languages: readonly { language: string; percentage: number }[];
}

/** Fewer letters than this say too little: "ok", "Gracias", "Merci !" are read as unknown. */
export const MIN_LETTERS = 20;
/** The top language must cover at least this share of the text: a mixed message is unknown. */
export const MIN_PERCENTAGE = 70;

/** The primary language subtag, lower case: "pt-BR" → "pt", "zh-Hant" → "zh". */
export function primaryLanguage(locale: string): string {
  return locale.trim().toLowerCase().split(/[-_]/)[0] ?? '';
}

function letters(text: string): number {
  let n = 0;
  for (const _ of text.matchAll(/\p{L}/gu)) if (++n >= MIN_LETTERS) break;
  return n;
}

/**
 * The language `text` is written in ("es"), or undefined when the text is short, the detector is
 * unsure, or it found a mix. Unknown is the honest answer for "ok" or "Gracias": the panel then keeps
 * to the agent's language instead of guessing.
 */
export function confidentLanguage(text: string | undefined, detection: LanguageDetection | undefined): string | undefined {
  if (!text || !detection || !detection.isReliable || letters(text) < MIN_LETTERS) return undefined;
  const top = [...detection.languages].sort((a, b) => b.percentage - a.percentage)[0];
  if (!top || top.percentage < MIN_PERCENTAGE) return undefined;
  const language = primaryLanguage(top.language);
  return /^[a-z]{2,3}$/.test(language) && language !== 'und' ? language : undefined;
}

/** The available locale that serves `wanted`: the same tag first ("pt-BR"), else the same language ("pt" → "pt-BR"). */
export function matchLocale(available: readonly string[], wanted: string | undefined): string | undefined {
  if (!wanted) return undefined;
  const exact = available.find((l) => l.toLowerCase() === wanted.toLowerCase());
  if (exact) return exact;
  const language = primaryLanguage(wanted);
  return available.find((l) => primaryLanguage(l) === language);
}

export interface PhraseLocaleInput {
  /** Locales of the packs that can take part (enabled, allowed by policy), in merge order. */
  available: readonly string[];
  /** The customer's language, when their latest message says it clearly (see confidentLanguage). */
  customer?: string;
  /** The agent's own language (the browser's UI language). */
  agent?: string;
  /** What the agent switched to on this ticket, if they did. */
  chosen?: string;
}

export interface PhraseLocaleChoice {
  /** The locale to merge the packs in. */
  locale: string;
  why: 'chosen' | 'customer' | 'agent' | 'english';
  /** What the one-click switch offers, the customer's language first; empty when there is nothing to switch between. */
  options: string[];
}

export const FALLBACK_LOCALE = 'en';

export function choosePhraseLocale({ available, customer, agent, chosen }: PhraseLocaleInput): PhraseLocaleChoice {
  const forCustomer = matchLocale(available, customer);
  const forAgent = matchLocale(available, agent);
  const english = matchLocale(available, FALLBACK_LOCALE);
  const own = forAgent ?? english ?? available[0] ?? FALLBACK_LOCALE;
  const kept = matchLocale(available, chosen);
  const [locale, why]: [string, PhraseLocaleChoice['why']] = kept
    ? [kept, 'chosen']
    : forCustomer
      ? [forCustomer, 'customer']
      : forAgent
        ? [forAgent, 'agent']
        : [own, 'english'];
  const options = [...new Set([forCustomer, own, kept].filter((l): l is string => !!l))];
  return { locale, why, options: options.length > 1 ? options : [] };
}

/**
 * A language's name, in `inLocale` ("Spanish" in English), or in its own words when `inLocale` is
 * omitted ("Español"), as language pickers name them. Falls back to the code.
 */
export function languageName(locale: string, inLocale?: string): string {
  try {
    const name = new Intl.DisplayNames([inLocale ?? locale], { type: 'language' }).of(locale);
    if (!name) return locale;
    return inLocale ? name : name.charAt(0).toLocaleUpperCase(locale) + name.slice(1);
  } catch {
    return locale;
  }
}

/**
 * Whether rules written for `rulesLocale` can read a text in `language`. Unknown language: yes (the
 * rules have always run on every message; a short "ok" gives them nothing to misread).
 */
export function rulesRead(language: string | undefined, rulesLocale: string = FALLBACK_LOCALE): boolean {
  return !language || primaryLanguage(language) === primaryLanguage(rulesLocale);
}
