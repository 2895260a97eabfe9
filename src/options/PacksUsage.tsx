import { useEffect, useState } from 'preact/hooks';
import type { InstalledPack } from '../packs/install';
import { usageRepo } from '../panel/repos';
import { onApplied, USAGE_CHANNEL } from '../storage/write-queue';
import { downloadText, stamp } from './download';
import { usageCsv, usageRows, type UsageRow } from './packs-usage';
import { when } from './packs-view';
import { t } from '../i18n';

/** Rows shown on the page; the CSV has them all. */
const SHOWN = 200;

/** How often each phrase was inserted, kept on this device; exportable as CSV for a lead. */
export function PacksUsage({ installed }: { installed: InstalledPack[] }) {
  const [rows, setRows] = useState<UsageRow[] | null>(null);
  const [error, setError] = useState('');
  useEffect(() => {
    const load = () =>
      usageRepo()
        .then((repo) => repo.all())
        .then((records) => setRows(usageRows(records, installed)), (err: Error) => setError(t('usageReadFailed', err.message)));
    void load();
    // A phrase inserted in the panel while this page is open shows here at once.
    return onApplied(USAGE_CHANNEL, () => void load());
  }, [installed]);

  return (
    <div class="usage">
      <h4>{t('usageTitle')}</h4>
      <p class="muted small">{t('usageIntro')}</p>
      {error && <p role="alert" class="notice error">{error}</p>}
      {rows && rows.length === 0 && <p class="muted small">{t('usageNone')}</p>}
      {rows && rows.length > 0 && (
        <>
          <button type="button" onClick={() => downloadText(`person-first-phrase-usage-${stamp()}.csv`, usageCsv(rows), 'text/csv')}>{t('usageExport')}</button>
          <table class="list">
            <caption>{t('usageTitle')}</caption>
            <thead>
              <tr><th scope="col">{t('colPhrase')}</th><th scope="col">{t('colPack')}</th><th scope="col">{t('colTimesInserted')}</th><th scope="col">{t('colLastUsed')}</th></tr>
            </thead>
            <tbody>
              {rows.slice(0, SHOWN).map((r) => (
                <tr key={r.key}>
                  <th scope="row">{r.title || r.text || r.phraseId}</th>
                  <td>{r.packName || r.packId}</td>
                  <td>{r.count}</td>
                  <td>{when(r.lastUsed)}</td>
                </tr>
              ))}
            </tbody>
          </table>
          {rows.length > SHOWN && <p class="muted small">{t('usageShowing', SHOWN, rows.length)}</p>}
        </>
      )}
    </div>
  );
}
