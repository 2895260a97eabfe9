// @vitest-environment node
import { createServer, type Server } from 'node:http';
import type { AddressInfo } from 'node:net';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { checkPackUrl, fetchPackText } from '../../src/background/pack-fetch';

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
