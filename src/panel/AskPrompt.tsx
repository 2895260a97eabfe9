import { useEffect, useRef, useState } from 'preact/hooks';
import { t } from '../i18n';

export interface AskField {
  key: string;
  label: string;
}

interface Props {
  fields: readonly AskField[];
  /** The phrase as it will read with these answers, shown while they are typed. */
  phrase(answers: Record<string, string>): string;
  /** Values the ticket already shows, filled in to start with. */
  initial?: Record<string, string>;
  onSubmit(answers: Record<string, string>): void;
  onCancel(): void;
}

/** Asks for placeholder values the ticket does not provide, before anything is inserted, showing the phrase as it will read. */
export function AskPrompt({ fields, phrase, initial = {}, onSubmit, onCancel }: Props) {
  const [answers, setAnswers] = useState<Record<string, string>>(initial);
  const first = useRef<HTMLInputElement>(null);
  useEffect(() => {
    first.current?.focus();
    // A value the ticket gave is selected, so typing replaces it and Enter keeps it.
    first.current?.select();
  }, []);
  // Keys come from phrase text ("{{toString}}"): read own properties only.
  const answer = (key: string) => (Object.hasOwn(answers, key) ? answers[key]! : '');
  const complete = fields.every((f) => answer(f.key).trim() !== '');
  return (
    <form
      class="ask"
      aria-label={t('askLabel')}
      aria-describedby="ask-phrase"
      onSubmit={(e) => {
        e.preventDefault();
        if (complete) onSubmit(answers);
      }}
      onKeyDown={(e) => {
        if (e.key === 'Escape') {
          e.preventDefault();
          onCancel();
        }
      }}
    >
      <p id="ask-phrase" class="ask-phrase small">{phrase(answers)}</p>
      {fields.map((f, i) => (
        <label key={f.key}>
          {f.label}
          <input
            ref={i === 0 ? first : undefined}
            value={answer(f.key)}
            onInput={(e) => setAnswers({ ...answers, [f.key]: (e.currentTarget as HTMLInputElement).value })}
          />
        </label>
      ))}
      <div class="row">
        <button type="submit" disabled={!complete}>{t('askInsert')}</button>
        <button type="button" onClick={onCancel}>{t('commonCancel')}</button>
      </div>
    </form>
  );
}
