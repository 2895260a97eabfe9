import { MAX_PACK_BYTES } from '../core/pack/types';
import { useState } from 'preact/hooks';
import { formatPackError, parsePack, selectorProblem } from '../core/pack/validate';
import type { Pack } from '../core/pack/types';
import { approveOverrides, overridesOf, readApprovals } from '../packs/desk-overrides';
import { describeOverrides, overrideSelectorLines } from './desk-fix-words';
import type { PackError } from '../core/pack/types';
import { importPackText } from './packs-actions';
import { usePacksState } from './packs-state';
import { PacksList } from './PacksList';
import { PacksSubscriptions } from './PacksSubscriptions';
import { PacksUsage } from './PacksUsage';
import { PersonalPhrases } from './PersonalPhrases';
import { t, uiLocale } from '../i18n';

const megabytes = (bytes: number) => new Intl.NumberFormat(uiLocale(), { maximumFractionDigits: 1, minimumFractionDigits: 1 }).format(bytes / 1024 / 1024);

/** A pack that fixes desk selectors, shown to the lead before it is imported. */
type Preview = { file: string; text: string; pack: Pack };

type ImportMessage = { kind: 'done'; text: string; findings?: PackError[] } | { kind: 'refused'; file: string; reason: string } | { kind: 'invalid'; file: string; errors: PackError[] };

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
  const [preview, setPreview] = useState<Preview | null>(null);

  const importFile = async (file: File | undefined) => {
    if (!file) return;
    // Checked before reading: nothing bigger than the limit can be a valid pack.
    if (file.size > MAX_PACK_BYTES) {
      return setMessage({ kind: 'refused', file: file.name, reason: t('packTooBig', megabytes(file.size), megabytes(MAX_PACK_BYTES)) });
    }
    let text: string;
    try {
      text = await file.text();
    } catch (err) {
      return setMessage({ kind: 'refused', file: file.name, reason: t('packReadFailed', (err as Error).message) });
    }
    // A pack that changes how a desk is read is shown first; nothing changes until the lead says so.
    const parsed = parsePack(text, { selectorProblem });
    setPreview(null);
    if (parsed.ok && overridesOf(parsed.pack).length) {
      const approved = (await readApprovals())[parsed.pack.id];
      if (JSON.stringify(approved) !== JSON.stringify(overridesOf(parsed.pack))) {
        setMessage(null);
        return setPreview({ file: file.name, text, pack: parsed.pack });
      }
    }
    await install(file.name, text);
  };

  const install = async (fileName: string, text: string, applyFixes = false) => {
    let result: Awaited<ReturnType<typeof importPackText>>;
    try {
      result = await importPackText(text);
      if (result.ok && applyFixes) await approveOverrides(result.entry.pack.id, overridesOf(result.entry.pack));
    } catch (err) {
      return setMessage({ kind: 'refused', file: fileName, reason: t('packNotSaved', (err as Error).message) });
    }
    if (result.ok) {
      const { pack } = result.entry;
      const fixes = applyFixes ? ` ${t('packFixesApplyNow')}` : '';
      setMessage({ kind: 'done', findings: result.findings, text: (result.changed ? t('packImported', pack.name, pack.version, fileName) : t('packAlreadyInstalled', pack.name, pack.version)) + fixes });
    } else if ('errors' in result) setMessage({ kind: 'invalid', file: fileName, errors: result.errors });
    else setMessage({ kind: 'refused', file: fileName, reason: result.reason });
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
      {preview && (
        <div role="group" aria-label={t('packFixesPreviewLabel', preview.pack.name)} class="notice">
          <p>{t('packFixesPreview', preview.pack.name, preview.pack.version, preview.file)}</p>
          <ul>{describeOverrides(overridesOf(preview.pack)).map((l) => <li key={l}>{l}</li>)}</ul>
          <details><summary>{t('packFixesSelectors')}</summary><ul>{overrideSelectorLines(overridesOf(preview.pack)).map((l) => <li key={l} class="url">{l}</li>)}</ul></details>
          <div class="row">
            <button type="button" onClick={() => { const p = preview; setPreview(null); void install(p.file, p.text, true); }}>{t('packImportWithFixes')}</button>
            <button type="button" onClick={() => { const p = preview; setPreview(null); void install(p.file, p.text); }}>{t('packImportWithoutFixes')}</button>
            <button type="button" onClick={() => { setPreview(null); setMessage({ kind: 'done', text: t('packImportCancelled', preview.pack.name) }); }}>{t('commonCancel')}</button>
          </div>
        </div>
      )}
      {message?.kind === 'done' && (
        <div role="status" class="notice">
          <p>{message.text}</p>
          {message.findings && message.findings.length > 0 && (
            <>
              <p>{t('packLintIntro')}</p>
              <ul aria-label={t('packLintLabel')}>{message.findings.map((f, i) => <li key={i}>{formatPackError(f)}</li>)}</ul>
            </>
          )}
        </div>
      )}
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
