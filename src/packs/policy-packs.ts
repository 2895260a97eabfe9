// Enterprise policy and the installed packs. planPolicyPacks is pure; the read helpers wrap
// chrome.storage.managed, which throws or is empty where no policy is set.
import { formatPackError, parsePack } from '../core/pack/validate';
import { NO_POLICY, normalizePolicy, type Policy } from '../core/policy';
import { t } from '../i18n';
import { decideInstall, type InstalledPack } from './install';

/** Problems found while applying the policy, written by the service for the options page to show. */
export const POLICY_STATUS_KEY = 'packPolicyStatus';

export interface PolicyStatus {
  problems: string[];
  appliedAt: number;
}

/**
 * Installs the policy's inline packs (source 'policy': locked, first in the merge, may go down a
 * version) and removes policy packs the policy no longer delivers, inline or by URL.
 */
export function planPolicyPacks(
  installed: readonly InstalledPack[],
  policy: Pick<Policy, 'packs' | 'lockedPackIds'>,
  keepIds: ReadonlySet<string>,
  now: number,
): { next: InstalledPack[]; changed: boolean; problems: string[] } {
  const problems: string[] = [];
  let next = [...installed];
  let changed = false;
  const delivered = new Set(keepIds);
  policy.packs.forEach((text, i) => {
    const parsed = parsePack(text);
    if (!parsed.ok) {
      const first = parsed.errors[0];
      problems.push(t('policyPackInvalid', i + 1, first ? formatPackError(first) : t('policyPackUnknownProblem')));
      return;
    }
    delivered.add(parsed.pack.id);
    const decision = decideInstall(next, parsed.pack, 'policy', now, { policyLocked: policy.lockedPackIds });
    if (!decision.ok) {
      problems.push(t('policyPackNotInstalled', parsed.pack.id, decision.reason));
      return;
    }
    if (decision.changed) {
      next = decision.next;
      changed = true;
    }
  });
  const kept = next.filter((e) => e.source !== 'policy' || delivered.has(e.pack.id));
  if (kept.length !== next.length) changed = true;
  return { next: kept, changed, problems };
}

export async function readPolicy(): Promise<Policy> {
  try {
    return normalizePolicy(await chrome.storage.managed.get(null));
  } catch {
    return NO_POLICY;
  }
}

export function onPolicyChanged(listener: () => void): () => void {
  const fn = (_changes: unknown, area: string) => {
    if (area === 'managed') listener();
  };
  chrome.storage.onChanged.addListener(fn);
  return () => chrome.storage.onChanged.removeListener(fn);
}

export async function readPolicyStatus(): Promise<PolicyStatus | null> {
  const got = await chrome.storage.local.get(POLICY_STATUS_KEY);
  return (got[POLICY_STATUS_KEY] as PolicyStatus | undefined) ?? null;
}
