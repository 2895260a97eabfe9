// Downloads a subscribed phrase pack with conditional requests and hard limits. It only fetches
// and checks the transport; parsing and validation happen before anything replaces the old pack.

export const MAX_PACK_DOWNLOAD_BYTES = 5 * 1024 * 1024;
export const PACK_FETCH_TIMEOUT_MS = 15_000;

export type UrlCheck = { ok: true; url: URL } | { ok: false; reason: string };

/** https anywhere; plain http only on this machine, for pack authors testing locally. */
export function checkPackUrl(raw: string): UrlCheck {
  let url: URL;
  try {
    url = new URL(raw.trim());
  } catch {
    return { ok: false, reason: 'That is not a valid URL.' };
  }
  if (url.protocol === 'https:') return { ok: true, url };
  if (url.protocol === 'http:' && (url.hostname === 'localhost' || url.hostname === '127.0.0.1')) return { ok: true, url };
  if (url.protocol === 'http:') return { ok: false, reason: 'Plain http is only allowed for localhost and 127.0.0.1: ask for an https URL so the pack cannot be altered on the way.' };
  return { ok: false, reason: `Only https URLs can be subscribed to (this one is ${url.protocol.replace(':', '')}).` };
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
  const controller = new AbortController();
  const timer = setTimeout(() => controller.abort(), opts.timeoutMs ?? PACK_FETCH_TIMEOUT_MS);
  try {
    const headers: Record<string, string> = { accept: 'application/json' };
    if (previous.etag) headers['if-none-match'] = previous.etag;
    if (previous.lastModified) headers['if-modified-since'] = previous.lastModified;
    const res = await (opts.fetchImpl ?? fetch)(url, { headers, signal: controller.signal, cache: 'no-cache', credentials: 'omit', redirect: 'follow' });
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
