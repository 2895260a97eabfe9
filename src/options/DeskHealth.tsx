// Options → Help desks: each desk's last read, field by field. A desk whose page changed shows here
// as missing fields, with when it was read, so a lead can tell "broken since this morning" from "never worked".
import { useEffect, useState } from 'preact/hooks';
import { DESK_HEALTH_KEY, healthRecords, type DeskRead } from '../core/desk-health';
import { t } from '../i18n';
import { dateTimeText, healthFieldText } from '../ui-words';

export function DeskHealth({ names }: { names: ReadonlyMap<string, string> }) {
  const [reads, setReads] = useState<DeskRead[]>([]);

  useEffect(() => {
    const load = () => void chrome.storage.local.get(DESK_HEALTH_KEY).then((got) => setReads(healthRecords(got[DESK_HEALTH_KEY])));
    load();
    const fn = (changes: Record<string, chrome.storage.StorageChange>, area: string) => {
      if (area === 'local' && DESK_HEALTH_KEY in changes) load();
    };
    chrome.storage.onChanged.addListener(fn);
    return () => chrome.storage.onChanged.removeListener(fn);
  }, []);

  return (
    <>
      <h3>{t('deskHealthTitle')}</h3>
      {reads.length === 0 ? <p class="muted">{t('deskHealthNone')}</p> : (
        <table class="list" aria-label={t('deskHealthTitle')}>
          <thead><tr><th>{t('colDesk')}</th><th>{t('colWhen')}</th><th>{t('colFound')}</th><th>{t('colMissing')}</th></tr></thead>
          <tbody>
            {reads.map((r) => (
              <tr key={r.desk}>
                <td>{names.get(r.desk) ?? r.desk} <span class="muted">({r.host})</span></td>
                <td>{dateTimeText(r.at)}</td>
                <td>{r.found.map(healthFieldText).join(', ') || '—'}</td>
                <td>{r.missing.map(healthFieldText).join(', ') || t('deskHealthNothingMissing')}</td>
              </tr>
            ))}
          </tbody>
        </table>
      )}
    </>
  );
}
