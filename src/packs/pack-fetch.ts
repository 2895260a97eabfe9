// Downloads a subscribed phrase pack with conditional requests and hard limits. It only fetches
// and checks the transport; parsing and validation happen before anything replaces the old pack.

import { MAX_PACK_BYTES } from '../core/pack/types';

/** Nothing bigger could be a valid pack, so the download stops there. */
export const MAX_PACK_DOWNLOAD_BYTES = MAX_PACK_BYTES;
export const PACK_FETCH_TIMEOUT_MS = 15_000;

export type UrlCheck = { ok: true; url: URL } | { ok: false; reason: string };

/** Redirects followed (each one checked like the URL itself) before giving up. */
export const MAX_PACK_REDIRECTS = 3;

const LOCAL_HOSTS = new Set(['localhost', '127.0.0.1']);

function ipv4(host: string): number[] | null {
  const m = /^(\d{1,3})\.(\d{1,3})\.(\d{1,3})\.(\d{1,3})$/.exec(host);
  return m ? m.slice(1).map(Number) : null;
}

function privateIpv4([a, b]: number[]): boolean {
  return a === 0 || a === 10 || a === 127 || (a === 100 && b! >= 64 && b! <= 127) || (a === 169 && b === 254) || (a === 172 && b! >= 16 && b! <= 31) || (a === 192 && b === 168);
}

/**
 * Loopback, private, link-local and unique-local addresses, and names that mean this machine: a pack
 * source on the internet must not be able to point the agent's browser at their own network.
 * URL parsing has already turned "0x7f.1" and friends into dotted form.
 */
export function isPrivateHost(hostname: string): boolean {
  const host = hostname.toLowerCase().replace(/^\[|\]$/g, '');
  if (host === 'localhost' || host.endsWith('.localhost')) return true;
  const v4 = ipv4(host);
  if (v4) return privateIpv4(v4);
  if (!host.includes(':')) return false;
  if (host === '::' || host === '::1') return true;
  const mapped = /^::ffff:(.+)$/.exec(host);
  if (mapped) {
    const dotted = ipv4(mapped[1]!);
    if (dotted) return privateIpv4(dotted);
    const hex = /^([0-9a-f]{1,4}):([0-9a-f]{1,4})$/.exec(mapped[1]!);
    if (hex) {
      const hi = parseInt(hex[1]!, 16);
      return privateIpv4([hi >> 8, hi & 255]);
    }
  }
  return /^f[cd]/.test(host) || /^fe[89ab]/.test(host);
}

/**
 * https anywhere public; plain http only on this machine, for pack authors testing locally (and
 * only as the address typed in, never as a redirect). No user names or passwords in the URL, and
 * no private or loopback addresses otherwise.
 */
export function checkPackUrl(raw: string, opts: { redirect?: boolean } = {}): UrlCheck {
  let url: URL;
  try {
    url = new URL(raw.trim());
  } catch {
    return { ok: false, reason: 'That is not a valid URL.' };
  }
  if (url.protocol !== 'https:' && url.protocol !== 'http:') return { ok: false, reason: `Only https URLs can be subscribed to (this one is ${url.protocol.replace(':', '')}).` };
  if (url.username || url.password) return { ok: false, reason: 'The URL has a user name or password in it; ask for a link without one (packs are public files).' };
  const local = LOCAL_HOSTS.has(url.hostname);
  if (local && !opts.redirect) return { ok: true, url };
  if (local || isPrivateHost(url.hostname)) {
    return { ok: false, reason: opts.redirect ? `The URL redirects to a private address (${url.host}); that is not allowed.` : `${url.host} is a private or local address; only public https addresses (or localhost for testing) can be subscribed to.` };
  }
  if (url.protocol === 'http:') {
    return opts.redirect
      ? { ok: false, reason: `The URL redirects to plain http (${url.host}); ask for a link that stays on https.` }
      : { ok: false, reason: 'Plain http is only allowed for localhost and 127.0.0.1: ask for an https URL so the pack cannot be altered on the way.' };
  }
  return { ok: true, url };
}

export interface Validators {
  etag?: string;
  lastModified?: string;
}

export type FetchOutcome =
  | { kind: 'not-modified' }
  | { kind: 'fetched'; text: string; validators: Validators }
  | { kind: 'error'; message: string };

export async function fetchPackText(
  url: string,
  previous: Validators = {},
  opts: { timeoutMs?: number; maxBytes?: number; fetchImpl?: typeof fetch } = {},
): Promise<FetchOutcome> {
  const maxBytes = opts.maxBytes ?? MAX_PACK_DOWNLOAD_BYTES;
  // Stored subscriptions may predate today's rules: check again before every download.
  const allowed = checkPackUrl(url);
  if (!allowed.ok) return { kind: 'error', message: allowed.reason };
  const controller = new AbortController();
  const timer = setTimeout(() => controller.abort(), opts.timeoutMs ?? PACK_FETCH_TIMEOUT_MS);
  try {
    const headers: Record<string, string> = { accept: 'application/json' };
    if (previous.etag) headers['if-none-match'] = previous.etag;
    if (previous.lastModified) headers['if-modified-since'] = previous.lastModified;
    const res = await fetchFollowingChecked(url, { headers, signal: controller.signal, cache: 'no-cache', credentials: 'omit' }, opts.fetchImpl ?? fetch);
    if ('refused' in res) return { kind: 'error', message: res.refused };
    if (res.status === 304) return { kind: 'not-modified' };
    if (!res.ok) return { kind: 'error', message: `The server answered ${res.status}${res.statusText ? ` ${res.statusText}` : ''}; the last good version stays in use.` };
    const type = res.headers.get('content-type') ?? '';
    if (/text\/html/i.test(type)) return { kind: 'error', message: 'The URL returned a web page (HTML), not a JSON pack. Check the link points at the raw .json file.' };
    const declared = Number(res.headers.get('content-length'));
    if (Number.isFinite(declared) && declared > maxBytes) return { kind: 'error', message: tooBig(maxBytes) };
    const text = await readCapped(res, maxBytes);
    if (text === null) return { kind: 'error', message: tooBig(maxBytes) };
    return { kind: 'fetched', text, validators: { etag: res.headers.get('etag') ?? undefined, lastModified: res.headers.get('last-modified') ?? undefined } };
  } catch (err) {
    if (controller.signal.aborted) return { kind: 'error', message: `The server did not answer within ${Math.round((opts.timeoutMs ?? PACK_FETCH_TIMEOUT_MS) / 1000)} s; will try again later.` };
    return { kind: 'error', message: `Could not reach the server (${(err as Error).message}). If it does not send CORS headers, allow access to its site when asked.` };
  } finally {
    clearTimeout(timer);
  }
}

const REDIRECT_STATUSES = new Set([301, 302, 303, 307, 308]);

/**
 * Follows redirects by hand so every hop passes checkPackUrl: fetch's own following would let an
 * https URL hand over to plain http or a private address unseen. Browsers hide the target of a
 * manual redirect from scripts (an "opaqueredirect"); such a redirect is refused, not followed.
 */
async function fetchFollowingChecked(url: string, init: RequestInit, fetchImpl: typeof fetch): Promise<Response | { refused: string }> {
  let current = url;
  for (let hop = 0; ; hop++) {
    const res = await fetchImpl(current, { ...init, redirect: 'manual' });
    if (res.type === 'opaqueredirect') {
      return { refused: 'The URL redirects somewhere else. Open it in a tab and subscribe to the address it ends up at.' };
    }
    if (!REDIRECT_STATUSES.has(res.status)) return res;
    const location = res.headers.get('location');
    if (!location) return { refused: `The server answered ${res.status} without saying where to go.` };
    if (hop >= MAX_PACK_REDIRECTS) return { refused: `The URL redirects more than ${MAX_PACK_REDIRECTS} times; subscribe to the final address instead.` };
    let next: string;
    try {
      next = new URL(location, current).href;
    } catch {
      return { refused: 'The URL redirects to an address that is not valid.' };
    }
    const checked = checkPackUrl(next, { redirect: true });
    if (!checked.ok) return { refused: checked.reason };
    await res.body?.cancel().catch(() => undefined);
    current = checked.url.href;
  }
}

function tooBig(max: number): string {
  const size = max >= 1024 * 1024 ? `${Math.round(max / 1024 / 1024)} MB` : `${Math.round(max / 1024)} KB`;
  return `The pack is larger than ${size}; split it or remove unused phrases.`;
}

/** Reads the body but stops (returning null) as soon as it passes the limit. */
async function readCapped(res: Response, maxBytes: number): Promise<string | null> {
  if (!res.body) return res.text();
  const reader = res.body.getReader();
  const chunks: Uint8Array[] = [];
  let total = 0;
  for (;;) {
    const { done, value } = await reader.read();
    if (done) break;
    total += value.byteLength;
    if (total > maxBytes) {
      await reader.cancel();
      return null;
    }
    chunks.push(value);
  }
  const all = new Uint8Array(total);
  let at = 0;
  for (const c of chunks) {
    all.set(c, at);
    at += c.byteLength;
  }
  return new TextDecoder().decode(all);
}
