import { useState } from 'preact/hooks';
import { describeOverrides, overrideOffers } from '../packs/desk-overrides';
import { useApprovals } from './use-approvals';
import { removePack, setPackEnabled, type ActionResult } from './packs-actions';
import type { PacksState } from './packs-state';
import { changeSummary, inactiveReason, lockReason, sortForDisplay, SOURCE_LABEL, when } from './packs-view';

/** Every installed pack with its version, source, last update and what that update changed. */
export function PacksList({ state }: { state: PacksState }) {
  const [error, setError] = useState('');
  const approvals = useApprovals();
  const act = async (run: () => Promise<ActionResult>) => {
    const r = await run();
    setError(r.ok ? '' : r.reason);
  };
  if (!state.loaded) return <p class="muted">Loading packs…</p>;
  const rows = sortForDisplay(state.installed);
  const fixes = new Map(overrideOffers(state.installed, approvals).map((o) => [o.packId, o]));
  return (
    <div>
      <table class="list">
        <caption>Installed packs</caption>
        <thead>
          <tr><th scope="col">Pack</th><th scope="col">Source</th><th scope="col">Last update</th><th scope="col">What changed</th><th scope="col">State</th><th scope="col">Actions</th></tr>
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
                  <div class="muted small">{pack.id} · {pack.phrases.length} phrases{pack.locale !== 'en' ? ` · ${pack.locale}` : ''}</div>
                  {entry.url && <div class="muted small pack-url">{entry.url}</div>}
                  {fixes.has(pack.id) && (
                    <div class="small pack-fixes">
                      {describeOverrides(fixes.get(pack.id)!.overrides).join('. ')}.{' '}
                      {fixes.get(pack.id)!.state === 'running' ? 'Applied.' : <a href="#desk-fixes">Waiting for you under Help desks.</a>}
                    </div>
                  )}
                </th>
                <td data-label="Source">{SOURCE_LABEL[entry.source]}</td>
                <td data-label="Last update">{when(entry.updatedAt)}</td>
                <td data-label="What changed">{changeSummary(entry)}</td>
                <td data-label="State">
                  {locked ? <span title={locked}>Locked</span> : inactive ? 'Off' : 'On'}
                  {(locked || inactive) && <div class="muted small">{locked ?? inactive}</div>}
                </td>
                <td class="row">
                  {!locked && (
                    <button type="button" onClick={() => act(() => setPackEnabled(pack.id, !!entry.disabled))} aria-label={`${entry.disabled ? 'Turn on' : 'Turn off'} ${pack.name}`}>
                      {entry.disabled ? 'Turn on' : 'Turn off'}
                    </button>
                  )}
                  {!locked && entry.source !== 'default' && (
                    <button type="button" onClick={() => act(() => removePack(pack.id))} aria-label={`Remove ${pack.name}`}>Remove</button>
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
