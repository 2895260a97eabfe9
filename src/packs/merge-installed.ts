// What the panel shows from the installed packs: policy decides whether the default pack and
// personal phrases take part; the core merge does the rest (order, versions, locale, overrides).
import { availableLocales, mergePacks, type MergedPhrases } from '../core/pack/merge';
import type { Policy } from '../core/policy';
import type { InstalledPack } from './install';

type PackPolicy = Pick<Policy, 'disableDefaultPack' | 'allowPersonalPhrases'>;

function allowedBy(installed: readonly InstalledPack[], policy: PackPolicy): InstalledPack[] {
  return installed.filter((e) => !(e.source === 'default' && policy.disableDefaultPack) && !(e.source === 'personal' && !policy.allowPersonalPhrases));
}

/** `locale`: the language to show phrases in (see core/phrase-language.ts); packs in other languages stay out. */
export function mergeInstalled(installed: readonly InstalledPack[], policy: PackPolicy, locale?: string): MergedPhrases {
  return mergePacks(allowedBy(installed, policy), { locale });
}

/** The languages the installed packs can show phrases in, under this policy. */
export function installedLocales(installed: readonly InstalledPack[], policy: PackPolicy): string[] {
  return availableLocales(allowedBy(installed, policy));
}
