// Options → Help desks: selector fixes for built-in desks that packs carry. Each shows what it changes
// and every selector it sets; one from a file or a subscription runs only once the lead applies it
// (a new version of it waits again), one from policy runs as sent.
import { useState } from 'preact/hooks';
import type { InstalledPack } from '../packs/install';
import { selectorProblem } from '../core/pack/validate';
import { approveOverrides, describeOverrides, overrideOffers, overrideSelectorLines, unusableSelectors, withdrawOverrides, type OverrideOffer } from '../packs/desk-overrides';
import { useApprovals } from './use-approvals';

export function DeskFixes({ installed }: { installed: readonly InstalledPack[] }) {
  const approvals = useApprovals();
  const [notice, setNotice] = useState<string | null>(null);

  const offers = overrideOffers(installed, approvals);
  if (!offers.length) return null;
  return (
    <>
      <h4 id="desk-fixes">Fixes from your phrase packs</h4>
      <p class="muted small">When a desk changes its page, a pack can tell Person First where to read instead, without waiting for an update. A fix applies to open desk tabs at once.</p>
      <table class="list" aria-label="Desk fixes from your phrase packs">
        <thead><tr><th>Pack</th><th>What it changes</th><th>State</th><th><span class="visually-hidden">Actions</span></th></tr></thead>
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
  const state = o.fromPolicy ? 'Applied by your organisation’s policy'
    : o.state === 'running' ? 'Applied'
    : applied ? 'A new version waits for you; the one you applied before still applies'
    : 'Waiting for you';
  return (
    <tr>
      <td>{o.packName}</td>
      <td>
        <ul aria-label={`What ${o.packName} changes`}>{describeOverrides(o.overrides).map((l) => <li key={l}>{l}</li>)}</ul>
        <details><summary>Selectors</summary><ul>{overrideSelectorLines(o.overrides).map((l) => <li key={l} class="url">{l}</li>)}</ul></details>
      </td>
      <td>{state}</td>
      <td>
        {unusable.length > 0 && o.state === 'waiting' && <ul role="alert" class="notice error">{unusable.map((u) => <li key={u}>{u} Fix it in the pack; nothing from it applies until then.</li>)}</ul>}
        {!o.fromPolicy && o.state === 'waiting' && !unusable.length && (
          <button type="button" onClick={() => void approveOverrides(o.packId, o.overrides).then(() => onDone(`Applied the fixes from “${o.packName}”.`))}>Apply fixes from {o.packName}</button>
        )}
        {!o.fromPolicy && applied && (
          <button type="button" onClick={() => void withdrawOverrides(o.packId).then(() => onDone(`Stopped the fixes from “${o.packName}”; the desk reads its own way again.`))}>Stop fixes from {o.packName}</button>
        )}
      </td>
    </tr>
  );
}
