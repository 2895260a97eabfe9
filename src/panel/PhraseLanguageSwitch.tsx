// "Phrases in: Español · English": the one-click switch between the customer's language and the
// agent's, shown only when there are two to choose from. The choice is kept per ticket.
import { languageName, type PhraseLocaleChoice } from '../core/phrase-language';
import { t, uiLocale, type MessageKey } from '../i18n';

/** The tooltip of the language shown now, by why it was chosen. */
const WHY: Record<PhraseLocaleChoice['why'], MessageKey> = {
  chosen: 'phraseLanguageChosen',
  customer: 'phraseLanguageCustomer',
  agent: 'phraseLanguageAgent',
  english: 'phraseLanguageDefault',
};

interface Props {
  choice: PhraseLocaleChoice;
  onChoose(locale: string): void;
}

export function PhraseLanguageSwitch({ choice, onChoose }: Props) {
  if (choice.options.length < 2) return null;
  return (
    <div class="phrase-language small" role="group" aria-label={t('phraseLanguageGroup')}>
      <span class="muted">{t('phraseLanguageLabel')}</span>
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
              title={current ? t(WHY[choice.why]) : t('phraseLanguageSwitchTo', languageName(locale, uiLocale()))}
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
