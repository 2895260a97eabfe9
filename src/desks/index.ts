import { freshdesk } from './freshdesk';
import { front } from './front';
import { gorgias } from './gorgias';
import { helpscout } from './helpscout';
import { hubspot } from './hubspot';
import { intercom } from './intercom';
import type { DeskAdapter } from './types';
import { zendesk } from './zendesk';
import { zoho } from './zoho';

/** Built-in desks, in the order they are tried. */
export const DESKS: readonly DeskAdapter[] = [zendesk, freshdesk, helpscout, intercom, front, gorgias, zoho, hubspot];

/** Turns a manifest match pattern into a test on a URL (scheme, host with optional *. prefix, path glob). */
export function matchesPattern(pattern: string, url: URL): boolean {
  const m = /^(\*|https?|file):\/\/(\*|(?:\*\.)?[^/*]+)(\/.*)$/.exec(pattern);
  if (!m) return false;
  const [, scheme, host, path] = m as unknown as [string, string, string, string];
  const proto = url.protocol.slice(0, -1);
  if (scheme === '*' ? proto !== 'http' && proto !== 'https' : proto !== scheme) return false;
  if (host !== '*') {
    if (host.startsWith('*.')) {
      const bare = host.slice(2);
      if (url.hostname !== bare && !url.hostname.endsWith(`.${bare}`)) return false;
    } else if (url.hostname !== host) return false;
  }
  const re = new RegExp(`^${path.split('*').map((s) => s.replace(/[.+?^${}()|[\]\\]/g, '\\$&')).join('.*')}$`);
  return re.test(url.pathname + url.search);
}

export function adapterFor(url: URL, desks: readonly DeskAdapter[] = DESKS): DeskAdapter | null {
  return desks.find((d) => d.matches.some((p) => matchesPattern(p, url))) ?? null;
}

/** Names for the panel's empty state. */
export function deskNames(desks: readonly DeskAdapter[] = DESKS): string[] {
  return desks.map((d) => d.name);
}
