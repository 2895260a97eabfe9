// "Phrases in: Español · English": the one-click switch between the customer's language and the
// agent's, shown only when there are two to choose from. The choice is kept per ticket.
import { languageName, type PhraseLocaleChoice } from '../core/phrase-language';

/** Every word this component shows, in one place for the move to chrome.i18n. */
export const PHRASE_LANGUAGE_STRINGS = {
  label: 'Phrases in:',
  group: 'Phrase language',
  /** The tooltip of a language not shown now. */
  switchTo: (name: string) => `Show the phrases in ${name} for this ticket`,
  /** The tooltip of the language shown now, by why it was chosen. */
  current: {
    chosen: 'You chose this language for this ticket',
    customer: 'The customer writes in this language',
    agent: 'Your browser’s language',
    english: 'The default language',
  } satisfies Record<PhraseLocaleChoice['why'], string>,
};

interface Props {
  choice: PhraseLocaleChoice;
  onChoose(locale: string): void;
}

export function PhraseLanguageSwitch({ choice, onChoose }: Props) {
  if (choice.options.length < 2) return null;
  const s = PHRASE_LANGUAGE_STRINGS;
  return (
    <div class="phrase-language small" role="group" aria-label={s.group}>
      <span class="muted">{s.label}</span>
      {choice.options.map((locale, i) => {
        const current = locale === choice.locale;
        // Each language is named in its own words, as language pickers do.
        const name = languageName(locale);
        return (
          <>
            {i > 0 && <span class="muted" aria-hidden="true">·</span>}
            <button
              key={locale}
              type="button"
              class="link"
              lang={locale}
              aria-pressed={current}
              title={current ? s.current[choice.why] : s.switchTo(languageName(locale, 'en'))}
              onClick={() => !current && onChoose(locale)}
            >
              {name}
            </button>
          </>
        );
      })}
    </div>
  );
}
