import { useState } from 'preact/hooks';
import { overrideOffers } from '../packs/desk-overrides';
import { describeOverrides } from './desk-fix-words';
import { useApprovals } from './use-approvals';
import { removePack, setPackEnabled, type ActionResult } from './packs-actions';
import type { PacksState } from './packs-state';
import { changeSummary, inactiveReason, lockReason, sortForDisplay, sourceLabel, when } from './packs-view';
import { t } from '../i18n';
import { plural } from '../ui-words';

/** Every installed pack with its version, source, last update and what that update changed. */
export function PacksList({ state }: { state: PacksState }) {
  const [error, setError] = useState('');
  const approvals = useApprovals();
  const act = async (run: () => Promise<ActionResult>) => {
    const r = await run();
    setError(r.ok ? '' : r.reason);
  };
  if (!state.loaded) return <p class="muted">{t('packsLoading')}</p>;
  const rows = sortForDisplay(state.installed);
  const fixes = new Map(overrideOffers(state.installed, approvals).map((o) => [o.packId, o]));
  return (
    <div>
      <table class="list">
        <caption>{t('packsInstalled')}</caption>
        <thead>
          <tr><th scope="col">{t('colPack')}</th><th scope="col">{t('colSource')}</th><th scope="col">{t('colLastUpdate')}</th><th scope="col">{t('colWhatChanged')}</th><th scope="col">{t('colState')}</th><th scope="col">{t('colActions')}</th></tr>
        </thead>
        <tbody>
          {rows.map((entry) => {
            const { pack } = entry;
            const locked = lockReason(entry, state.policy);
            const inactive = inactiveReason(entry, state.policy);
            return (
              <tr key={pack.id} data-pack-id={pack.id}>
                <th scope="row">
                  <span class="pack-name">{pack.name}</span> <span class="pack-version">{pack.version}</span>
                  <div class="muted small">{pack.id} · {plural(pack.phrases.length, 'packPhrasesOne', 'packPhrasesOther')}{pack.locale !== 'en' ? ` · ${pack.locale}` : ''}</div>
                  {entry.url && <div class="muted small pack-url">{entry.url}</div>}
                  {fixes.has(pack.id) && (
                    <div class="small pack-fixes">
                      {describeOverrides(fixes.get(pack.id)!.overrides).join('. ')}.{' '}
                      {fixes.get(pack.id)!.state === 'running' ? t('packFixesApplied') : <a href="#desk-fixes">{t('packFixesWaiting')}</a>}
                    </div>
                  )}
                </th>
                <td data-label={t('colSource')}>{sourceLabel(entry.source)}</td>
                <td data-label={t('colLastUpdate')}>{when(entry.updatedAt)}</td>
                <td data-label={t('colWhatChanged')}>{changeSummary(entry)}</td>
                <td data-label={t('colState')}>
                  {locked ? <span title={locked}>{t('packLocked')}</span> : inactive ? t('packOff') : t('packOn')}
                  {(locked || inactive) && <div class="muted small">{locked ?? inactive}</div>}
                </td>
                <td class="row">
                  {!locked && (
                    <button type="button" onClick={() => act(() => setPackEnabled(pack.id, !!entry.disabled))} aria-label={t(entry.disabled ? 'packTurnOnLabel' : 'packTurnOffLabel', pack.name)}>
                      {entry.disabled ? t('packTurnOn') : t('packTurnOff')}
                    </button>
                  )}
                  {!locked && entry.source !== 'default' && (
                    <button type="button" onClick={() => act(() => removePack(pack.id))} aria-label={t('packRemoveLabel', pack.name)}>{t('commonRemove')}</button>
                  )}
                </td>
              </tr>
            );
          })}
        </tbody>
      </table>
      {error && <p role="alert" class="notice error">{error}</p>}
    </div>
  );
}
