// Options → Help desks: selector fixes for built-in desks that packs carry. Each shows what it changes
// and every selector it sets; one from a file or a subscription runs only once the lead applies it
// (a new version of it waits again), one from policy runs as sent.
import { useState } from 'preact/hooks';
import type { InstalledPack } from '../packs/install';
import { selectorProblem } from '../core/pack/validate';
import { approveOverrides, overrideOffers, withdrawOverrides, type OverrideOffer } from '../packs/desk-overrides';
import { describeOverrides, overrideSelectorLines, unusableSelectors } from './desk-fix-words';
import { t } from '../i18n';
import { useApprovals } from './use-approvals';

export function DeskFixes({ installed }: { installed: readonly InstalledPack[] }) {
  const approvals = useApprovals();
  const [notice, setNotice] = useState<string | null>(null);

  const offers = overrideOffers(installed, approvals);
  if (!offers.length) return null;
  return (
    <>
      <h4 id="desk-fixes">{t('deskFixesTitle')}</h4>
      <p class="muted small">{t('deskFixesIntro')}</p>
      <table class="list" aria-label={t('deskFixesTableLabel')}>
        <thead><tr><th>{t('colPack')}</th><th>{t('colWhatItChanges')}</th><th>{t('colState')}</th><th><span class="visually-hidden">{t('colActions')}</span></th></tr></thead>
        <tbody>
          {offers.map((o) => <FixRow key={o.packId} offer={o} applied={Object.hasOwn(approvals, o.packId)} onDone={setNotice} />)}
        </tbody>
      </table>
      {notice && <p role="status" class="notice">{notice}</p>}
    </>
  );
}

/** One pack's fixes; `applied`: the lead applied a version of them (which runs until stopped). */
function FixRow({ offer: o, applied, onDone }: { offer: OverrideOffer; applied: boolean; onDone: (notice: string) => void }) {
  // A subscription is installed by the service worker, which cannot parse CSS: checked here, before Apply.
  const unusable = o.fromPolicy ? [] : unusableSelectors(o.overrides, selectorProblem);
  const state = o.fromPolicy ? t('deskFixStatePolicy')
    : o.state === 'running' ? t('deskFixStateApplied')
    : applied ? t('deskFixStateNewVersion')
    : t('deskFixStateWaiting');
  return (
    <tr>
      <td>{o.packName}</td>
      <td>
        <ul aria-label={t('deskFixChangesLabel', o.packName)}>{describeOverrides(o.overrides).map((l) => <li key={l}>{l}</li>)}</ul>
        <details><summary>{t('deskFixSelectors')}</summary><ul>{overrideSelectorLines(o.overrides).map((l) => <li key={l} class="url">{l}</li>)}</ul></details>
      </td>
      <td>{state}</td>
      <td>
        {unusable.length > 0 && o.state === 'waiting' && <ul role="alert" class="notice error">{unusable.map((u) => <li key={u}>{t('deskFixUnusableHint', u)}</li>)}</ul>}
        {!o.fromPolicy && o.state === 'waiting' && !unusable.length && (
          <button type="button" onClick={() => void approveOverrides(o.packId, o.overrides).then(() => onDone(t('deskFixApplied', o.packName)))}>{t('deskFixApply', o.packName)}</button>
        )}
        {!o.fromPolicy && applied && (
          <button type="button" onClick={() => void withdrawOverrides(o.packId).then(() => onDone(t('deskFixStopped', o.packName)))}>{t('deskFixStop', o.packName)}</button>
        )}
      </td>
    </tr>
  );
}
