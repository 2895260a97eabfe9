import { freshdesk } from './freshdesk';
import { front } from './front';
import { gorgias } from './gorgias';
import { helpscout } from './helpscout';
import { hubspot } from './hubspot';
import { intercom } from './intercom';
import type { DeskAdapter } from './types';
import { zendesk } from './zendesk';
import { zoho } from './zoho';
import { matchesPattern } from './match';

export { matchesPattern };

/** Built-in desks, in the order they are tried. */
export const DESKS: readonly DeskAdapter[] = [zendesk, freshdesk, helpscout, intercom, front, gorgias, zoho, hubspot];

export function adapterFor(url: URL, desks: readonly DeskAdapter[] = DESKS): DeskAdapter | null {
  return desks.find((d) => d.matches.some((p) => matchesPattern(p, url))) ?? null;
}
