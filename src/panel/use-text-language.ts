// The language of a piece of text (the customer's latest message, the agent's draft), detected on
// the device by Chromium's own detector (chrome.i18n.detectLanguage, CLD3): nothing leaves the
// machine. Here in the panel, not the content script, whose size budget is tight. Short or unclear
// texts come back unknown (core/phrase-language.ts decides what counts as clear).
import { useEffect, useState } from 'preact/hooks';
import { confidentLanguage, type LanguageDetection } from '../core/phrase-language';
import { hasExtensionApi } from '../has-extension-api';
import { boot } from './boot';

export interface TextLanguage {
  /** "es", or undefined when unknown. */
  language?: string;
  /** False until the detector has answered for this text: callers may wait rather than show a guess. */
  settled: boolean;
}

/** Answers by text, so a ticket switched back to (the panel remounts) knows its language at once. */
const MAX_REMEMBERED = 200;
const remembered = new Map<string, string | null>();

function remember(text: string, language: string | undefined): void {
  if (remembered.size >= MAX_REMEMBERED) remembered.delete(remembered.keys().next().value!);
  remembered.set(text, language ?? null);
}

/** A language detector with chrome.i18n.detectLanguage's shape (tests pass their own). */
export type Detect = (text: string) => Promise<LanguageDetection>;

/** Chromium's detector, asked for when used (unit tests stub `chrome` after this module loads). */
function chromeDetect(): Detect | null {
  return hasExtensionApi() && typeof chrome.i18n?.detectLanguage === 'function'
    ? (text) => chrome.i18n.detectLanguage(text) as Promise<LanguageDetection>
    : null;
}

/**
 * The language of `text`, or undefined when it is unknown or the detector is missing or fails.
 * `keep`: remember the answer (customer messages; a draft changes on every key and is not kept).
 */
export async function detectTextLanguage(text: string, keep = true, detect: Detect | null = chromeDetect()): Promise<string | undefined> {
  if (remembered.has(text)) return remembered.get(text) ?? undefined;
  if (!detect) return undefined;
  // The customer's latest message when the panel opened went to the detector as the page loaded (boot.ts).
  const early = keep ? earlyAnswer(text) : undefined;
  if (early) return early.language;
  const language = confidentLanguage(text, await detect(text).catch(() => undefined));
  if (keep) remember(text, language);
  return language;
}

/** The answer boot.ts asked for as the page loaded, when it is in and about this very text. */
function earlyAnswer(text: string): { language: string | undefined } | undefined {
  const early = boot?.language.value;
  if (early?.text !== text) return undefined;
  const language = confidentLanguage(text, early.detection);
  remember(text, language);
  return { language };
}

function known(text: string | undefined, detect: Detect | null): TextLanguage | null {
  if (!text?.trim()) return { settled: true };
  if (!remembered.has(text)) earlyAnswer(text);
  if (!remembered.has(text)) return detect ? null : { settled: true };
  return { language: remembered.get(text) ?? undefined, settled: true };
}

/**
 * The language of `text`, kept current as the text changes. `keep`: see detectTextLanguage;
 * `detect`: the detector, Chromium's when omitted.
 */
export function useTextLanguage(text: string | undefined, { keep = true, detect }: { keep?: boolean; detect?: Detect } = {}): TextLanguage {
  const detector = detect ?? chromeDetect();
  const [state, setState] = useState<{ text: string | undefined; result: TextLanguage }>(() => ({ text, result: known(text, detector) ?? { settled: false } }));
  useEffect(() => {
    const now = known(text, detector);
    if (now) {
      setState({ text, result: now });
      return;
    }
    let live = true;
    void detectTextLanguage(text!, keep, detector).then((language) => live && setState({ text, result: { language, settled: true } }));
    return () => {
      live = false;
    };
    // The detector is fixed for a page (or a test); a new function object each render is not a change.
    // eslint-disable-next-line react-hooks/exhaustive-deps
  }, [text, keep]);
  // Until the effect has run for a new text, the last answer belongs to the old one.
  if (state.text !== text) return known(text, detector) ?? { settled: false };
  return state.result;
}
