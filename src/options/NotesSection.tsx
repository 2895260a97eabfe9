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

type Row = NoteSummary & { snippet?: NoteSearchHit['snippet'] };

const when = (t: number) => new Date(t).toLocaleString();

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
    if (tooBig) return setMessage({ text: `${file.name} was not imported: ${tooBig}`, error: true });
    try {
      const r = await importNotesJson(sharedDb, await file.text());
      setMessage({ text: `Imported ${file.name}: ${r.added} added, ${r.updated} updated, ${r.skipped} already up to date.` });
      await load();
    } catch (err) {
      setMessage({ text: err instanceof NotesImportError ? err.message : `This notes file was not imported, nothing was changed: ${(err as Error).message}`, error: true });
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
      <h3 id="notes-section-title">Notes</h3>
      <p class="muted small">Notes stay on this device. Export them to keep a copy or move them to another browser.</p>
      <input type="search" aria-label="Search notes" placeholder="Search all notes" value={query} onInput={(e) => setQuery((e.currentTarget as HTMLInputElement).value)} />
      <table class="list" aria-label="All notes">
        <thead><tr><th>Ticket</th><th>Subject</th><th>Last edit</th><th>Note</th></tr></thead>
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
      {rows.length === 0 && <p class="muted">{query ? 'No note matches.' : 'No notes yet.'}</p>}
      {more && <p class="muted small">Showing the newest 100; search to narrow down.</p>}
      <div class="row">
        <button type="button" onClick={async () => downloadText(`person-first-notes-${stamp()}.json`, await exportNotesJson(sharedDb), 'application/json')}>Export notes (JSON)</button>
        <button type="button" onClick={async () => downloadText(`person-first-notes-${stamp()}.csv`, await exportNotesCsv(sharedDb), 'text/csv')}>Export notes (CSV)</button>
        <label class="field">
          Import notes
          <input type="file" accept=".json,application/json" onChange={(e) => void onImport((e.currentTarget as HTMLInputElement).files?.[0])} />
        </label>
      </div>
      <label class="field">
        Delete notes not edited for
        <select aria-label="Delete notes not edited for" value={settings.retentionDays === null ? 'forever' : String(settings.retentionDays)} onChange={(e) => void chooseRetention((e.currentTarget as HTMLSelectElement).value)}>
          <option value="forever">Keep forever</option>
          {[30, 90, 180, 365].map((d) => <option key={d} value={String(d)}>{d} days</option>)}
        </select>
      </label>
      {pendingDays && (
        <div class="notice" role="alertdialog" aria-label="Confirm deleting old notes">
          <p>{pendingDays.count === 0 ? `No note is older than ${pendingDays.days} days today.` : `${pendingDays.count} note${pendingDays.count === 1 ? '' : 's'} not edited for ${pendingDays.days} days will be deleted now, and older ones daily from then on.`}</p>
          <div class="row">
            <button type="button" onClick={async () => { await writeSettings({ retentionDays: pendingDays.days }); setPendingDays(null); await chrome.runtime.sendMessage({ type: 'notes/apply-retention' }).catch(() => undefined); await load(); }}>Delete and keep deleting</button>
            <button type="button" class="link" onClick={() => setPendingDays(null)}>Cancel</button>
          </div>
        </div>
      )}
      {message && <p role="status" class={`notice${message.error ? ' error' : ''}`}>{message.text}</p>}
    </section>
  );
}
