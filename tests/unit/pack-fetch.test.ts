// @vitest-environment node
import { createServer, type Server } from 'node:http';
import type { AddressInfo } from 'node:net';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { checkPackUrl, fetchPackText } from '../../src/packs/pack-fetch';

let server: Server;
let base = '';
const PACK = JSON.stringify({ schema: 1, id: 'acme', name: 'ACME', version: '1.0.0', locale: 'en', phrases: [] });

beforeAll(async () => {
  server = createServer((req, res) => {
    if (req.url === '/pack.json') {
      if (req.headers['if-none-match'] === '"v1"') return void res.writeHead(304).end();
      res.writeHead(200, { 'content-type': 'application/json', etag: '"v1"', 'last-modified': 'Sun, 22 Nov 2026 10:00:00 GMT' }).end(PACK);
    } else if (req.url === '/html') res.writeHead(200, { 'content-type': 'text/html' }).end('<!doctype html><p>Sign in</p>');
    else if (req.url === '/big') {
      res.writeHead(200, { 'content-type': 'application/json' });
      res.end('x'.repeat(2048));
    } else if (req.url === '/slow') setTimeout(() => res.writeHead(200).end(PACK), 2000);
    else res.writeHead(404, 'Not Found').end();
  });
  await new Promise<void>((r) => server.listen(0, '127.0.0.1', r));
  base = `http://127.0.0.1:${(server.address() as AddressInfo).port}`;
});
afterAll(() => new Promise<void>((r) => server.close(() => r())));

describe('pack URL rules', () => {
  it('allows https and local http, refuses other plain http with a reason', () => {
    expect(checkPackUrl('https://packs.example.com/acme.json').ok).toBe(true);
    expect(checkPackUrl('http://localhost:8080/p.json').ok).toBe(true);
    expect(checkPackUrl('http://127.0.0.1/p.json').ok).toBe(true);
    const plain = checkPackUrl('http://packs.example.com/acme.json');
    expect(plain).toMatchObject({ ok: false, reason: expect.stringContaining('https') });
    expect(checkPackUrl('ftp://x/y').ok).toBe(false);
    expect(checkPackUrl('not a url')).toMatchObject({ ok: false, reason: 'That is not a valid URL.' });
  });
});

describe('fetchPackText', () => {
  it('fetches and returns the validators, then gets 304 with them', async () => {
    const first = await fetchPackText(`${base}/pack.json`);
    expect(first).toMatchObject({ kind: 'fetched', text: PACK, validators: { etag: '"v1"' } });
    const again = await fetchPackText(`${base}/pack.json`, first.kind === 'fetched' ? first.validators : {});
    expect(again).toEqual({ kind: 'not-modified' });
  });
  it('explains a 404, an HTML page, an oversized body and a timeout', async () => {
    expect(await fetchPackText(`${base}/missing`)).toMatchObject({ kind: 'error', message: expect.stringContaining('404') });
    expect(await fetchPackText(`${base}/html`)).toMatchObject({ kind: 'error', message: expect.stringContaining('HTML') });
    expect(await fetchPackText(`${base}/big`, {}, { maxBytes: 1024 })).toMatchObject({ kind: 'error', message: expect.stringContaining('larger than') });
    expect(await fetchPackText(`${base}/slow`, {}, { timeoutMs: 200 })).toMatchObject({ kind: 'error', message: expect.stringContaining('did not answer') });
  });
});

describe('redirects and addresses (security review F5)', () => {
  const pack = () => new Response(PACK, { status: 200, headers: { 'content-type': 'application/json' } });
  const redirect = (to: string, status = 302) => new Response(null, { status, headers: { location: to } });
  /** A fake network: each URL answers from the table, and every request is recorded. */
  function network(table: Record<string, () => Response>) {
    const asked: string[] = [];
    const fetchImpl = (async (input: RequestInfo | URL, init?: RequestInit) => {
      expect(init?.redirect).toBe('manual');
      const url = String(input);
      asked.push(url);
      const answer = table[url];
      return answer ? answer() : new Response('no', { status: 404 });
    }) as typeof fetch;
    return { asked, fetchImpl };
  }

  it('checks every hop: https to plain http is refused, and the http URL is never asked', async () => {
    const net = network({ 'https://packs.example.com/p.json': () => redirect('http://evil.example.com/p.json') });
    const out = await fetchPackText('https://packs.example.com/p.json', {}, { fetchImpl: net.fetchImpl });
    expect(out).toMatchObject({ kind: 'error', message: expect.stringContaining('plain http') });
    expect(net.asked).toEqual(['https://packs.example.com/p.json']);
  });

  it('refuses a redirect to a private or loopback address', async () => {
    for (const to of ['https://127.0.0.1/p.json', 'https://10.0.0.5/p.json', 'https://192.168.1.1/', 'https://[::1]/p.json', 'https://169.254.169.254/latest', 'http://localhost:8080/p.json']) {
      const net = network({ 'https://packs.example.com/p.json': () => redirect(to, 307) });
      const out = await fetchPackText('https://packs.example.com/p.json', {}, { fetchImpl: net.fetchImpl });
      expect(out, to).toMatchObject({ kind: 'error' });
      expect(net.asked, to).toHaveLength(1);
    }
  });

  it('follows a few good https hops, but not an endless chain', async () => {
    const ok = network({
      'https://a.example.com/p.json': () => redirect('/v2/p.json', 301),
      'https://a.example.com/v2/p.json': () => redirect('https://cdn.example.net/p.json'),
      'https://cdn.example.net/p.json': pack,
    });
    expect(await fetchPackText('https://a.example.com/p.json', {}, { fetchImpl: ok.fetchImpl })).toMatchObject({ kind: 'fetched', text: PACK });
    const loop = network({ 'https://a.example.com/p.json': () => redirect('https://a.example.com/p.json') });
    expect(await fetchPackText('https://a.example.com/p.json', {}, { fetchImpl: loop.fetchImpl })).toMatchObject({ kind: 'error', message: expect.stringContaining('redirects more than') });
    expect(loop.asked.length).toBeLessThanOrEqual(4);
  });

  it('refuses a redirect the browser hides (opaqueredirect) instead of following it blind', async () => {
    const opaque = Object.defineProperty(new Response(null, { status: 200 }), 'type', { value: 'opaqueredirect' });
    const out = await fetchPackText('https://a.example.com/p.json', {}, { fetchImpl: (async () => opaque) as typeof fetch });
    expect(out).toMatchObject({ kind: 'error', message: expect.stringContaining('redirects') });
  });

  it('refuses URLs with credentials or private addresses, typed or stored', async () => {
    expect(checkPackUrl('https://user:secret@packs.example.com/p.json')).toMatchObject({ ok: false, reason: expect.stringContaining('password') });
    for (const raw of ['https://10.1.2.3/p.json', 'https://0x0a.1/p.json', 'https://[fd00::1]/p.json', 'https://[::ffff:127.0.0.1]/p.json', 'https://printer.localhost/p.json', 'https://172.20.0.1/p.json']) {
      expect(checkPackUrl(raw).ok, raw).toBe(false);
    }
    expect(checkPackUrl('https://172.32.0.1/p.json').ok).toBe(true);
    const net = network({});
    expect(await fetchPackText('https://u:p@packs.example.com/p.json', {}, { fetchImpl: net.fetchImpl })).toMatchObject({ kind: 'error' });
    expect(net.asked).toEqual([]);
  });
});
