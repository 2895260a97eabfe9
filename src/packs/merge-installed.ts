// What the panel shows from the installed packs: policy decides whether the default pack and
// personal phrases take part; the core merge does the rest (order, versions, locale, overrides).
import { mergePacks, type MergedPhrases } from '../core/pack/merge';
import type { Policy } from '../core/policy';
import type { InstalledPack } from './install';

export function mergeInstalled(installed: readonly InstalledPack[], policy: Pick<Policy, 'disableDefaultPack' | 'allowPersonalPhrases'>, locale?: string): MergedPhrases {
  const allowed = installed.filter((e) => !(e.source === 'default' && policy.disableDefaultPack) && !(e.source === 'personal' && !policy.allowPersonalPhrases));
  return mergePacks(allowed, { locale });
}
