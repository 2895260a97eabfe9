// Downloads a subscribed phrase pack with conditional requests and hard limits. It only fetches
// and checks the transport; parsing and validation happen before anything replaces the old pack.

import { MAX_PACK_BYTES } from '../core/pack/types';
import { t } from '../i18n';

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
    return { ok: false, reason: t('packUrlInvalid') };
  }
  if (url.protocol !== 'https:' && url.protocol !== 'http:') return { ok: false, reason: t('packUrlScheme', url.protocol.replace(':', '')) };
  if (url.username || url.password) return { ok: false, reason: t('packUrlCredentials') };
  const local = LOCAL_HOSTS.has(url.hostname);
  if (local && !opts.redirect) return { ok: true, url };
  if (local || isPrivateHost(url.hostname)) {
    return { ok: false, reason: opts.redirect ? t('packUrlRedirectPrivate', url.host) : t('packUrlPrivate', url.host) };
  }
  if (url.protocol === 'http:') {
    return opts.redirect
      ? { ok: false, reason: t('packUrlRedirectHttp', url.host) }
      : { ok: false, reason: t('packUrlHttp') };
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
    if (!res.ok) return { kind: 'error', message: t('packFetchStatus', `${res.status}${res.statusText ? ` ${res.statusText}` : ''}`) };
    const type = res.headers.get('content-type') ?? '';
    if (/text\/html/i.test(type)) return { kind: 'error', message: t('packFetchHtml') };
    const declared = Number(res.headers.get('content-length'));
    if (Number.isFinite(declared) && declared > maxBytes) return { kind: 'error', message: tooBig(maxBytes) };
    const text = await readCapped(res, maxBytes);
    if (text === null) return { kind: 'error', message: tooBig(maxBytes) };
    return { kind: 'fetched', text, validators: { etag: res.headers.get('etag') ?? undefined, lastModified: res.headers.get('last-modified') ?? undefined } };
  } catch (err) {
    if (controller.signal.aborted) return { kind: 'error', message: t('packFetchTimeout', Math.round((opts.timeoutMs ?? PACK_FETCH_TIMEOUT_MS) / 1000)) };
    return { kind: 'error', message: t('packFetchUnreachable', (err as Error).message) };
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
      return { refused: t('packFetchOpaqueRedirect') };
    }
    if (!REDIRECT_STATUSES.has(res.status)) return res;
    const location = res.headers.get('location');
    if (!location) return { refused: t('packFetchRedirectNoLocation', res.status) };
    if (hop >= MAX_PACK_REDIRECTS) return { refused: t('packFetchTooManyRedirects', MAX_PACK_REDIRECTS) };
    let next: string;
    try {
      next = new URL(location, current).href;
    } catch {
      return { refused: t('packFetchRedirectInvalid') };
    }
    const checked = checkPackUrl(next, { redirect: true });
    if (!checked.ok) return { refused: checked.reason };
    await res.body?.cancel().catch(() => undefined);
    current = checked.url.href;
  }
}

function tooBig(max: number): string {
  // Two messages, not a unit slotted in: French says Mo and Ko.
  return max >= 1024 * 1024 ? t('packFetchTooBigMb', Math.round(max / 1024 / 1024)) : t('packFetchTooBigKb', Math.round(max / 1024));
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
