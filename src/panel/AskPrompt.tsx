import { useEffect, useRef, useState } from 'preact/hooks';

export interface AskField {
  key: string;
  label: string;
}

interface Props {
  fields: readonly AskField[];
  onSubmit(answers: Record<string, string>): void;
  onCancel(): void;
}

/** Asks for placeholder values the ticket does not provide, before anything is inserted. */
export function AskPrompt({ fields, onSubmit, onCancel }: Props) {
  const [answers, setAnswers] = useState<Record<string, string>>({});
  const first = useRef<HTMLInputElement>(null);
  useEffect(() => first.current?.focus(), []);
  // Keys come from phrase text ("{{toString}}"): read own properties only.
  const answer = (key: string) => (Object.hasOwn(answers, key) ? answers[key]! : '');
  const complete = fields.every((f) => answer(f.key).trim() !== '');
  return (
    <form
      class="ask"
      aria-label="Fill in the phrase"
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
        <button type="submit" disabled={!complete}>Insert</button>
        <button type="button" onClick={onCancel}>Cancel</button>
      </div>
    </form>
  );
}
