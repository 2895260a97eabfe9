import { useEffect, useRef, useState } from 'preact/hooks';
import { exportNotesCsv, exportNotesJson, importNotesJson, importSizeProblem, NotesImportError } from '../storage/notes-transfer';
import type { NoteSearchHit, NoteSummary } from '../storage/notes-repo';
import { planRetention } from '../storage/retention';
import { sharedDb } from '../storage/db';
import { writeSettings } from '../settings';
import { isWebUrl } from '../open-ticket';
import { notesRepo } from '../panel/repos';
import { useSettings } from '../panel/use-settings';
import { downloadText, stamp } from './download';
import { t } from '../i18n';
import { dateTimeText, plural } from '../ui-words';

type Row = NoteSummary & { snippet?: NoteSearchHit['snippet'] };

const when = (at: number) => dateTimeText(at);

/** Every note on this device: find, open, export, import, and how long to keep them. */
export function NotesSection() {
  const settings = useSettings();
  const [query, setQuery] = useState('');
  const [rows, setRows] = useState<Row[]>([]);
  const [more, setMore] = useState(false);
  const [message, setMessage] = useState<{ text: string; error?: boolean } | null>(null);
  const [pendingDays, setPendingDays] = useState<{ days: number; count: number } | null>(null);

  const latest = useRef(0);
  const load = async () => {
    // Only the newest request may fill the table: an older, slower one must not overwrite it.
    const ticket = ++latest.current;
    const repo = await notesRepo();
    const { items, more: hasMore } = query.trim()
      ? await repo.search(query, { limit: 100 }).then((r) => ({ items: r.hits as Row[], more: r.more }))
      : await repo.list({ limit: 100 }).then((p) => ({ items: p.items as Row[], more: !!p.next }));
    if (ticket !== latest.current) return;
    setRows(items);
    setMore(hasMore);
  };
  useEffect(() => void load().catch((e: Error) => setMessage({ text: e.message, error: true })), [query]);

  const onImport = async (file: File | undefined) => {
    if (!file) return;
    // Checked before the file is read: a huge file must not be loaded whole to be refused.
    const tooBig = importSizeProblem(file.size);
    if (tooBig) return setMessage({ text: t('notesImportRefused', file.name, tooBig), error: true });
    try {
      const r = await importNotesJson(sharedDb, await file.text());
      setMessage({ text: t('notesImported', file.name, r.added, r.updated, r.skipped) });
      await load();
    } catch (err) {
      setMessage({ text: err instanceof NotesImportError ? err.message : t('notesImportFailed', (err as Error).message), error: true });
    }
  };

  const chooseRetention = async (value: string) => {
    const days = value === 'forever' ? null : Number(value);
    if (days === null) {
      await writeSettings({ retentionDays: null });
      setPendingDays(null);
      return;
    }
    // The first time, say how many notes would go before anything is deleted.
    const plan = await planRetention(sharedDb, days, Date.now());
    setPendingDays({ days, count: plan.count });
  };

  return (
    <section aria-labelledby="notes-section-title" class="card" id="notes">
      <h3 id="notes-section-title">{t('notesTitle')}</h3>
      <p class="muted small">{t('notesIntro')}</p>
      <input type="search" aria-label={t('notesSearchLabel')} placeholder={t('notesSearchPlaceholder')} value={query} onInput={(e) => setQuery((e.currentTarget as HTMLInputElement).value)} />
      <table class="list" aria-label={t('notesAll')}>
        <thead><tr><th>{t('colTicket')}</th><th>{t('colSubject')}</th><th>{t('colLastEdit')}</th><th>{t('colNote')}</th></tr></thead>
        <tbody>
          {rows.map((r) => (
            <tr key={r.key}>
              <td>{r.url && isWebUrl(r.url) ? <a href={r.url} target="_blank" rel="noopener noreferrer">{r.key.split(':').pop()}</a> : r.key}</td>
              <td>{r.subject ?? ''}</td>
              <td>{when(r.updatedAt)}</td>
              <td>{r.snippet ? r.snippet.text : r.firstLine}</td>
            </tr>
          ))}
        </tbody>
      </table>
      {rows.length === 0 && <p class="muted">{query ? t('notesNoMatch') : t('notesNone')}</p>}
      {more && <p class="muted small">{t('notesShowingNewest', 100)}</p>}
      <div class="row">
        <button type="button" onClick={async () => downloadText(`person-first-notes-${stamp()}.json`, await exportNotesJson(sharedDb), 'application/json')}>{t('notesExportJson')}</button>
        <button type="button" onClick={async () => downloadText(`person-first-notes-${stamp()}.csv`, await exportNotesCsv(sharedDb), 'text/csv')}>{t('notesExportCsv')}</button>
        <label class="field">
          {t('notesImport')}
          <input type="file" accept=".json,application/json" onChange={(e) => void onImport((e.currentTarget as HTMLInputElement).files?.[0])} />
        </label>
      </div>
      <label class="field">
        {t('notesRetention')}
        <select aria-label={t('notesRetention')} value={settings.retentionDays === null ? 'forever' : String(settings.retentionDays)} onChange={(e) => void chooseRetention((e.currentTarget as HTMLSelectElement).value)}>
          <option value="forever">{t('notesKeepForever')}</option>
          {[30, 90, 180, 365].map((d) => <option key={d} value={String(d)}>{plural(d, 'unitDayOne', 'unitDayOther')}</option>)}
        </select>
      </label>
      {pendingDays && (
        <div class="notice" role="alertdialog" aria-label={t('notesRetentionConfirmLabel')}>
          <p>{pendingDays.count === 0 ? t('notesRetentionNone', pendingDays.days) : plural(pendingDays.count, 'notesRetentionWillDeleteOne', 'notesRetentionWillDeleteOther', pendingDays.days)}</p>
          <div class="row">
            <button type="button" onClick={async () => { await writeSettings({ retentionDays: pendingDays.days }); setPendingDays(null); await chrome.runtime.sendMessage({ type: 'notes/apply-retention' }).catch(() => undefined); await load(); }}>{t('notesRetentionConfirm')}</button>
            <button type="button" class="link" onClick={() => setPendingDays(null)}>{t('commonCancel')}</button>
          </div>
        </div>
      )}
      {message && <p role="status" class={`notice${message.error ? ' error' : ''}`}>{message.text}</p>}
    </section>
  );
}
