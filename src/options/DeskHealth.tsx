// Options → Help desks: each desk's last read, field by field. A desk whose page changed shows here
// as missing fields, with when it was read, so a lead can tell "broken since this morning" from "never worked".
// "Test on the open tab" outlines on the desk page what each selector matches (fixes included).
import { useEffect, useState } from 'preact/hooks';
import { DESK_HEALTH_KEY, healthRecords, type DeskRead } from '../core/desk-health';
import type { DeskSelectorOverride } from '../core/pack/types';
import type { DeskAdapter } from '../desks/types';
import { DESK_OVERRIDES_KEY } from '../packs/desk-overrides';
import { testOnOpenTab, type DeskTestReport } from './desk-test';
import { t, uiLocale } from '../i18n';
import { dateTimeText, healthFieldText } from '../ui-words';

type Tested = { desk: string; report: DeskTestReport | { error: string } };

export function DeskHealth({ desks }: { desks: ReadonlyMap<string, DeskAdapter> }) {
  const [reads, setReads] = useState<DeskRead[]>([]);
  const [tested, setTested] = useState<Tested | null>(null);

  useEffect(() => {
    const load = () => void chrome.storage.local.get(DESK_HEALTH_KEY).then((got) => setReads(healthRecords(got[DESK_HEALTH_KEY])));
    load();
    const fn = (changes: Record<string, chrome.storage.StorageChange>, area: string) => {
      if (area === 'local' && DESK_HEALTH_KEY in changes) load();
    };
    chrome.storage.onChanged.addListener(fn);
    return () => chrome.storage.onChanged.removeListener(fn);
  }, []);

  const test = async (desk: DeskAdapter) => {
    const all = (await chrome.storage.local.get(DESK_OVERRIDES_KEY))[DESK_OVERRIDES_KEY] as Record<string, DeskSelectorOverride> | undefined;
    const fixes = all && Object.hasOwn(all, desk.id) ? all[desk.id] : undefined;
    setTested({ desk: desk.name, report: await testOnOpenTab(desk, fixes) });
  };

  return (
    <>
      <h3>{t('deskHealthTitle')}</h3>
      {reads.length === 0 ? <p class="muted">{t('deskHealthNone')}</p> : (
        <table class="list" aria-label={t('deskHealthTitle')}>
          <thead><tr><th>{t('colDesk')}</th><th>{t('colWhen')}</th><th>{t('colFound')}</th><th>{t('colMissing')}</th><th><span class="visually-hidden">{t('colActions')}</span></th></tr></thead>
          <tbody>
            {reads.map((r) => {
              const desk = desks.get(r.desk);
              return (
                <tr key={r.desk}>
                  <td>{desk?.name ?? r.desk} <span class="muted">({r.host})</span></td>
                  <td>{dateTimeText(r.at)}</td>
                  <td>{r.found.map(healthFieldText).join(', ') || '—'}</td>
                  <td>{r.missing.map(healthFieldText).join(', ') || t('deskHealthNothingMissing')}</td>
                  <td>{desk && <button type="button" onClick={() => void test(desk)}><TestLabel desk={desk.name} /></button>}</td>
                </tr>
              );
            })}
          </tbody>
        </table>
      )}
      {tested && <TestReport {...tested} />}
    </>
  );
}

/**
 * "Test on the open tab", the desk's name in visually hidden text: the accessible name holds the
 * visible words (axe label-content-name-mismatch) and still says which desk.
 */
function TestLabel({ desk }: { desk: string }) {
  const MARK = '\u0001';
  const [before = '', after = ''] = t('deskTestButton', MARK).split(MARK);
  return <>{before}<span class="visually-hidden">{desk}</span>{after}</>;
}

/** "found (3): “Order 1234”" or "missing". */
function resultText(r: { count: number; sample?: string }): string {
  if (!r.count) return t('deskTestMissing');
  const found = r.count > 1 ? t('deskTestFoundMany', new Intl.NumberFormat(uiLocale()).format(r.count)) : t('deskTestFound');
  return r.sample ? t('deskTestFoundSample', found, r.sample) : found;
}

function TestReport({ desk, report }: Tested) {
  if ('error' in report) return <p role="alert" class="notice error">{report.error}</p>;
  return (
    <div role="region" aria-label={t('deskTestRegionLabel', desk)}>
      <p role="status" class="notice">{t('deskTestTestedOn', report.tabTitle)}</p>
      <table class="list" aria-label={t('deskTestTableLabel', desk)}>
        <thead><tr><th>{t('colPart')}</th><th>{t('colSelector')}</th><th>{t('colResult')}</th></tr></thead>
        <tbody>
          {report.results.map((r) => (
            <tr key={r.field}>
              <td>{r.label}</td>
              <td class="url">{r.selector ?? r.tried.join(', ')}</td>
              <td>{resultText(r)}</td>
            </tr>
          ))}
        </tbody>
      </table>
    </div>
  );
}
