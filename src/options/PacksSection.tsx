import { MAX_PACK_BYTES } from '../core/pack/types';
import { useState } from 'preact/hooks';
import { formatPackError } from '../core/pack/validate';
import type { PackError } from '../core/pack/types';
import { importPackText } from './packs-actions';
import { usePacksState } from './packs-state';
import { PacksList } from './PacksList';
import { PacksSubscriptions } from './PacksSubscriptions';
import { PacksUsage } from './PacksUsage';
import { PersonalPhrases } from './PersonalPhrases';
import { t, uiLocale } from '../i18n';

const megabytes = (bytes: number) => new Intl.NumberFormat(uiLocale(), { maximumFractionDigits: 1, minimumFractionDigits: 1 }).format(bytes / 1024 / 1024);

type ImportMessage = { kind: 'done'; text: string } | { kind: 'refused'; file: string; reason: string } | { kind: 'invalid'; file: string; errors: PackError[] };

/** The agent's own phrases, in "For you": a small pack of their own, unless policy turns it off. */
export function MyPhrasesSection() {
  const state = usePacksState();
  return (
    <section aria-labelledby="my-phrases-title" class="card" id="my-phrases">
      <h3 id="my-phrases-title">{t('myPhrasesTitle')}</h3>
      {state.policy.allowPersonalPhrases ? <PersonalPhrases installed={state.installed} /> : <p class="muted small">{t('personalOffByPolicy')}</p>}
    </section>
  );
}

/** Phrase packs: import a file, subscribe to URLs, see what is installed and what changed. */
export function PacksSection() {
  const state = usePacksState();
  const [message, setMessage] = useState<ImportMessage | null>(null);
  const [over, setOver] = useState(false);

  const importFile = async (file: File | undefined) => {
    if (!file) return;
    // Checked before reading: nothing bigger than the limit can be a valid pack.
    if (file.size > MAX_PACK_BYTES) {
      return setMessage({ kind: 'refused', file: file.name, reason: t('packTooBig', megabytes(file.size), megabytes(MAX_PACK_BYTES)) });
    }
    let result: Awaited<ReturnType<typeof importPackText>>;
    try {
      result = await importPackText(await file.text());
    } catch (err) {
      return setMessage({ kind: 'refused', file: file.name, reason: t('packNotSaved', (err as Error).message) });
    }
    if (result.ok) {
      const { pack } = result.entry;
      setMessage({ kind: 'done', text: result.changed ? t('packImported', pack.name, pack.version, file.name) : t('packAlreadyInstalled', pack.name, pack.version) });
    } else if ('errors' in result) setMessage({ kind: 'invalid', file: file.name, errors: result.errors });
    else setMessage({ kind: 'refused', file: file.name, reason: result.reason });
  };

  const onDrop = (e: DragEvent) => {
    e.preventDefault();
    setOver(false);
    void importFile(e.dataTransfer?.files[0]);
  };

  return (
    <section aria-labelledby="packs-title" class="card" id="packs" onDragOver={(e) => { e.preventDefault(); setOver(true); }} onDragLeave={() => setOver(false)} onDrop={onDrop}>
      <h3 id="packs-title">{t('packsTitle')}</h3>
      <p class="muted small">{t('packsIntro')}</p>
      <div class={`dropzone${over ? ' over' : ''}`}>
        <label class="field">
          {t('packsImport')}
          <input type="file" accept=".json,application/json" onChange={(e) => {
            const input = e.currentTarget as HTMLInputElement;
            void importFile(input.files?.[0]).finally(() => (input.value = ''));
          }} />
        </label>
        <p class="muted small">{t('packsDrop')}</p>
      </div>
      {message?.kind === 'done' && <p role="status" class="notice">{message.text}</p>}
      {message?.kind === 'refused' && <p role="alert" class="notice error">{t('packNotImported', message.file, message.reason)}</p>}
      {message?.kind === 'invalid' && (
        <div role="alert" class="notice error">
          <p>{t('packInvalid', message.file)}</p>
          <ul>
            {message.errors.map((err, i) => <li key={i}>{formatPackError(err)}</li>)}
          </ul>
        </div>
      )}
      {state.policyStatus && state.policyStatus.problems.length > 0 && (
        <div role="alert" class="notice error">
          <p>{t('packsPolicyProblems')}</p>
          <ul>{state.policyStatus.problems.map((p, i) => <li key={i}>{p}</li>)}</ul>
        </div>
      )}
      <PacksList state={state} />
      <PacksSubscriptions state={state} />
      <PacksUsage installed={state.installed} />
    </section>
  );
}
