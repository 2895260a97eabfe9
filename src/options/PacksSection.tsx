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

type ImportMessage = { kind: 'done'; text: string; findings: PackError[] } | { kind: 'refused'; file: string; reason: string } | { kind: 'invalid'; file: string; errors: PackError[] };

/** The agent's own phrases, in "For you": a small pack of their own, unless policy turns it off. */
export function MyPhrasesSection() {
  const state = usePacksState();
  return (
    <section aria-labelledby="my-phrases-title" class="card" id="my-phrases">
      <h3 id="my-phrases-title">My phrases</h3>
      {state.policy.allowPersonalPhrases ? <PersonalPhrases installed={state.installed} /> : <p class="muted small">Personal phrases are turned off by your organisation’s policy.</p>}
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
      return setMessage({ kind: 'refused', file: file.name, reason: `it is ${(file.size / 1024 / 1024).toFixed(1)} MB and a pack may be at most ${(MAX_PACK_BYTES / 1024 / 1024).toFixed(1)} MB; your packs are unchanged.` });
    }
    let result: Awaited<ReturnType<typeof importPackText>>;
    try {
      result = await importPackText(await file.text());
    } catch (err) {
      return setMessage({ kind: 'refused', file: file.name, reason: `it could not be saved (${(err as Error).message}); your packs are unchanged.` });
    }
    if (result.ok) {
      const { pack } = result.entry;
      setMessage({ kind: 'done', findings: result.findings, text: result.changed ? `Imported “${pack.name}” ${pack.version} from ${file.name}.` : `“${pack.name}” ${pack.version} is already installed; nothing changed.` });
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
      <h3 id="packs-title">Phrase packs</h3>
      <p class="muted small">Packs hold the phrases and checklist wording your team uses. Give agents a file, a URL they subscribe to, or push it by policy.</p>
      <div class={`dropzone${over ? ' over' : ''}`}>
        <label class="field">
          Import pack
          <input type="file" accept=".json,application/json" onChange={(e) => {
            const input = e.currentTarget as HTMLInputElement;
            void importFile(input.files?.[0]).finally(() => (input.value = ''));
          }} />
        </label>
        <p class="muted small">…or drop a pack’s .json file here.</p>
      </div>
      {message?.kind === 'done' && (
        <div role="status" class="notice">
          <p>{message.text}</p>
          {message.findings.length > 0 && (
            <>
              <p>Worth a look in the file before agents use it (the pack works as it is):</p>
              <ul aria-label="Pack lint findings">{message.findings.map((f, i) => <li key={i}>{formatPackError(f)}</li>)}</ul>
            </>
          )}
        </div>
      )}
      {message?.kind === 'refused' && <p role="alert" class="notice error">“{message.file}” was not imported: {message.reason}</p>}
      {message?.kind === 'invalid' && (
        <div role="alert" class="notice error">
          <p>“{message.file}” was not imported; your packs are unchanged. Fix this in the file and import it again:</p>
          <ul>
            {message.errors.map((err, i) => <li key={i}>{formatPackError(err)}</li>)}
          </ul>
        </div>
      )}
      {state.policyStatus && state.policyStatus.problems.length > 0 && (
        <div role="alert" class="notice error">
          <p>Some of your organisation’s pack settings could not be applied:</p>
          <ul>{state.policyStatus.problems.map((p, i) => <li key={i}>{p}</li>)}</ul>
        </div>
      )}
      <PacksList state={state} />
      <PacksSubscriptions state={state} />
      <PacksUsage installed={state.installed} />
    </section>
  );
}
