// The options page's live view of packs, subscriptions and policy: read once, then kept current
// from storage events (the service worker writes check results and policy problems).
import { useEffect, useState } from 'preact/hooks';
import { NO_POLICY, type Policy } from '../core/policy';
import type { InstalledPack } from '../packs/install';
import { onPolicyChanged, POLICY_STATUS_KEY, readPolicy, readPolicyStatus, type PolicyStatus } from '../packs/policy-packs';
import { onInstalledChanged, readInstalled } from '../packs/store';
import { onSubscriptionsChanged, readSubscriptions, type Subscription } from '../packs/subscriptions';

export interface PacksState {
  loaded: boolean;
  installed: InstalledPack[];
  subscriptions: Subscription[];
  policy: Policy;
  policyStatus: PolicyStatus | null;
}

export function usePacksState(): PacksState {
  const [state, setState] = useState<PacksState>({ loaded: false, installed: [], subscriptions: [], policy: NO_POLICY, policyStatus: null });
  useEffect(() => {
    const patch = (p: Partial<PacksState>) => setState((s) => ({ ...s, ...p }));
    void Promise.all([readInstalled(), readSubscriptions(), readPolicyStatus()]).then(([installed, subscriptions, policyStatus]) =>
      patch({ loaded: true, installed, subscriptions, policyStatus }),
    );
    // Chrome answers chrome.storage.managed only once its policy service is ready, which can take a
    // while after start: the packs show at once and the policy's locks join when it answers.
    void readPolicy().then((policy) => patch({ policy }));
    const offPacks = onInstalledChanged((installed) => patch({ installed }));
    const offSubs = onSubscriptionsChanged((subscriptions) => patch({ subscriptions }));
    const offPolicy = onPolicyChanged(() => void readPolicy().then((policy) => patch({ policy })));
    const onStatus = (changes: Record<string, chrome.storage.StorageChange>, area: string) => {
      if (area === 'local' && POLICY_STATUS_KEY in changes) patch({ policyStatus: (changes[POLICY_STATUS_KEY]!.newValue as PolicyStatus | undefined) ?? null });
    };
    chrome.storage.onChanged.addListener(onStatus);
    return () => {
      offPacks();
      offSubs();
      offPolicy();
      chrome.storage.onChanged.removeListener(onStatus);
    };
  }, []);
  return state;
}
