import { useState } from 'preact/hooks';
import { DEFAULT_STEPS, type StepId } from '../core/steps';
import type { Phrase } from '../core/pack/types';
import type { InstalledPack } from '../packs/install';
import { newPhraseId, PERSONAL_ID, savePersonalPhrases } from './packs-actions';
import { t } from '../i18n';

const stepTitle = (id: string) => DEFAULT_STEPS.find((s) => s.id === id)?.title ?? id;

function PhraseForm({ initial, submitLabel, onSubmit, onCancel, labels }: { initial: { step: StepId; text: string }; submitLabel: string; labels: [step: string, text: string]; onSubmit(v: { step: StepId; text: string }): Promise<boolean>; onCancel?(): void }) {
  const [step, setStep] = useState<StepId>(initial.step);
  const [text, setText] = useState(initial.text);
  return (
    <form
      class="row"
      onSubmit={(e) => {
        e.preventDefault();
        void onSubmit({ step, text }).then((saved) => saved && !onCancel && setText(''));
      }}
    >
      <label class="field">
        {labels[0]}
        <select value={step} onChange={(e) => setStep((e.currentTarget as HTMLSelectElement).value as StepId)}>
          {DEFAULT_STEPS.map((s) => <option key={s.id} value={s.id}>{s.title}</option>)}
        </select>
      </label>
      <label class="field" style={{ flex: 1 }}>
        {labels[1]}
        <textarea rows={2} value={text} onInput={(e) => setText((e.currentTarget as HTMLTextAreaElement).value)} />
      </label>
      <button type="submit">{submitLabel}</button>
      {onCancel && <button type="button" onClick={onCancel}>{t('commonCancel')}</button>}
    </form>
  );
}

/** The agent's own small pack: add, edit and delete phrases; validated like any pack before saving. */
export function PersonalPhrases({ installed }: { installed: InstalledPack[] }) {
  const phrases = installed.find((e) => e.pack.id === PERSONAL_ID)?.pack.phrases ?? [];
  const [editing, setEditing] = useState<string | null>(null);
  const [errors, setErrors] = useState<string[]>([]);

  const save = async (next: Phrase[]): Promise<boolean> => {
    const r = await savePersonalPhrases(next);
    setErrors(r.ok ? [] : r.messages);
    return r.ok;
  };

  return (
    <div class="personal">
      <p class="muted small">{t('personalIntro', '{{customer.firstName|there}}')}</p>
      {errors.length > 0 && (
        <div role="alert" class="notice error">
          <p>{t('personalNotSaved')}</p>
          <ul>{errors.map((m, i) => <li key={i}>{m}</li>)}</ul>
        </div>
      )}
      {phrases.length > 0 && (
        <ul class="personal-list" aria-label={t('myPhrasesTitle')}>
          {phrases.map((p) => (
            <li key={p.id}>
              {editing === p.id ? (
                <PhraseForm
                  initial={p}
                  submitLabel={t('personalSave')}
                  labels={[t('personalEditedStep'), t('personalEditedText')]}
                  onCancel={() => setEditing(null)}
                  onSubmit={async (v) => {
                    const ok = await save(phrases.map((x) => (x.id === p.id ? { ...x, step: v.step, text: v.text } : x)));
                    if (ok) setEditing(null);
                    return ok;
                  }}
                />
              ) : (
                <div class="row">
                  <span class="chip">{stepTitle(p.step)}</span>
                  <span class="phrase-text" style={{ flex: 1, whiteSpace: 'pre-wrap' }}>{p.text}</span>
                  <button type="button" onClick={() => setEditing(p.id)} aria-label={t('personalEditLabel', p.text.slice(0, 40))}>{t('commonEdit')}</button>
                  <button type="button" onClick={() => void save(phrases.filter((x) => x.id !== p.id))} aria-label={t('personalDeleteLabel', p.text.slice(0, 40))}>{t('commonDelete')}</button>
                </div>
              )}
            </li>
          ))}
        </ul>
      )}
      <PhraseForm initial={{ step: 'empathize', text: '' }} submitLabel={t('personalAdd')} labels={[t('personalStep'), t('personalNew')]} onSubmit={(v) => save([...phrases, { id: newPhraseId(phrases), step: v.step, text: v.text }])} />
    </div>
  );
}
