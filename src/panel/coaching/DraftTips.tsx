// Gentle tips on the reply the agent is typing in the desk: at most two, each dismissible for
// this ticket. Read-only: the draft arrives from the content script and is never changed.
import { useEffect, useMemo, useRef, useState } from 'preact/hooks';
import { checkDraft, TIP_PRIORITY, type TipId } from '../../core/draft-check';
import { tipLabel, tipText } from '../../ui-words';
import { languageName, rulesRead } from '../../core/phrase-language';
import type { TicketContext } from '../../core/ticket';
import { storedDismissedTips, type DismissedTipsStore } from './dismissed-tips';
import { listenForDrafts, type Draft, type SubscribeDrafts } from './draft-listener';
import { useTextLanguage, type Detect } from '../use-text-language';
import { t, uiLocale } from '../../i18n';

/** The language the draft tips' rules (core/draft-check.ts) are written for. */
const TIPS_LOCALE = 'en';

/**
 * The draft's language, holding the last answer while the detector reads the newest keystroke, so a
 * line does not blink away and back on every key.
 */
function useDraftLanguage(text: string | undefined, detect: Detect | undefined): string | undefined {
  const now = useTextLanguage(text, { keep: false, detect });
  const last = useRef<string | undefined>();
  if (!text) last.current = undefined;
  else if (now.settled) last.current = now.language;
  return last.current;
}

interface Props {
  ticket: TicketContext;
  /** The desk tab whose editor is read. */
  tabId: number;
  /** A frustration cue is showing. */
  frustrated: boolean;
  /** Tip kinds the agent turned off in options. */
  disabledTips?: readonly string[];
  /** Injected in tests; the extension uses chrome.runtime messages and chrome.storage.local. */
  subscribe?: SubscribeDrafts;
  store?: DismissedTipsStore;
  /** Injected in tests; the extension uses chrome.i18n.detectLanguage. */
  detect?: Detect;
}

const KNOWN = new Set<string>(TIP_PRIORITY);

const NONE: readonly string[] = [];

export function DraftTips({ ticket, tabId, frustrated, disabledTips = NONE, subscribe = listenForDrafts, store = storedDismissedTips, detect }: Props) {
  const [draft, setDraft] = useState<Draft | null>(null);
  const [dismissed, setDismissed] = useState<ReadonlySet<TipId>>(new Set());

  useEffect(() => {
    setDraft(null);
    return subscribe({ tabId, key: ticket.key }, setDraft);
  }, [subscribe, tabId, ticket.key]);

  useEffect(() => {
    let live = true;
    setDismissed(new Set());
    store.load(ticket.key).then((ids) => live && setDismissed((prev) => new Set([...prev, ...ids])), () => undefined);
    return () => {
      live = false;
    };
  }, [store, ticket.key]);

  const disabled = useMemo(() => new Set(disabledTips.filter((t): t is TipId => KNOWN.has(t))), [disabledTips]);
  const firstName = ticket.customer?.firstName;
  const language = useDraftLanguage(draft?.text, detect);
  const unread = rulesRead(language, TIPS_LOCALE) ? undefined : language;
  const tips = useMemo(
    () => (draft && !unread ? checkDraft(draft.text, { isFirstReply: draft.isFirstReply, customerFirstName: firstName, frustrated, dismissed, disabled }) : []),
    [draft, unread, firstName, frustrated, dismissed, disabled],
  );

  if (unread) {
    // One quiet line instead of tips that would misread the draft.
    return (
      <section class="draft-tips quiet" aria-label={t('sectionDraftTips')}>
        <p class="small muted">{t('draftTipsNotRead', languageName(TIPS_LOCALE, uiLocale()), languageName(unread, uiLocale()))}</p>
      </section>
    );
  }
  if (!tips.length) return null;
  const dismiss = (id: TipId) => {
    setDismissed((prev) => new Set(prev).add(id));
    void store.dismiss(ticket.key, id).catch(() => undefined);
  };
  return (
    <section class="draft-tips" aria-label={t('sectionDraftTips')}>
      <ul>
        {tips.map((tip) => (
          <li key={tip.id} class="draft-tip">
            <span class="draft-tip-text">{tipText(tip.id, firstName)}</span>
            {tip.evidence && <span class="draft-tip-evidence small muted"> (“{tip.evidence}”)</span>}
            <button type="button" class="link" aria-label={t('tipDismissLabel', tipLabel(tip.id))} onClick={() => dismiss(tip.id)}>
              {t('tipDismiss')}
            </button>
          </li>
        ))}
      </ul>
    </section>
  );
}
