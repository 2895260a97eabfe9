import { describe, expect, it } from 'vitest';
import type { FetchOutcome } from '../../src/packs/pack-fetch';
import type { Pack } from '../../src/core/pack/types';
import { decideInstall, type InstalledPack } from '../../src/packs/install';
import { planPolicyPacks } from '../../src/packs/policy-packs';
import { interpretDownload } from '../../src/packs/subscription-check';
import { addSubscription, applyPolicyUrls, isDue, removeSubscription, requestCheck, type Subscription } from '../../src/packs/subscriptions';

const URL_A = 'https://packs.example.com/team.json';

const pack = (id: string, version: string, texts: string[] = ['Hello there'], extra: Partial<Pack> = {}): Pack => ({
  schema: 1,
  id,
  name: `Team ${id}`,
  version,
  locale: 'en',
  phrases: texts.map((text, i) => ({ id: `p${i}`, step: 'greet', text })),
  ...extra,
});
const fetched = (value: unknown, etag = '"e1"'): FetchOutcome => ({ kind: 'fetched', text: typeof value === 'string' ? value : JSON.stringify(value, null, 2), validators: { etag } });
const sub = (extra: Partial<Subscription> = {}): Subscription => ({ url: URL_A, fromPolicy: false, validators: {}, ...extra });

function installedWith(p: Pack, source: InstalledPack['source'] = 'subscribed'): InstalledPack[] {
  const d = decideInstall([], p, source, 1, { url: URL_A });
  if (!d.ok) throw new Error(d.reason);
  return d.next;
}

describe('interpretDownload', () => {
  it('installs the first download as a subscribed pack and remembers its id and validators', () => {
    const r = interpretDownload(sub(), fetched(pack('team', '1.0.0')), [], 50);
    expect(r.patch).toMatchObject({ lastCheck: 50, lastResult: 'updated', packId: 'team', validators: { etag: '"e1"' }, lastMessage: 'Installed 1.0.0.' });
    expect(r.next?.[0]).toMatchObject({ source: 'subscribed', url: URL_A, pack: { id: 'team', version: '1.0.0' } });
  });

  it('a policy subscription installs as a policy pack', () => {
    const r = interpretDownload(sub({ fromPolicy: true }), fetched(pack('team', '1.0.0')), [], 50);
    expect(r.next?.[0]?.source).toBe('policy');
  });

  it('replaces the pack with a higher version and says what changed', () => {
    const installed = installedWith(pack('team', '1.0.0', ['Hello there']));
    const r = interpretDownload(sub({ packId: 'team' }), fetched(pack('team', '1.1.0', ['Hello there', 'Welcome back'])), installed, 60);
    expect(r.patch).toMatchObject({ lastResult: 'updated', lastMessage: 'Updated from 1.0.0 to 1.1.0.' });
    expect(r.next?.[0]?.lastChange).toMatchObject({ fromVersion: '1.0.0', toVersion: '1.1.0', added: ['p1'] });
  });

  it('records "unchanged" for a 304 and for the same pack again, writing nothing', () => {
    const installed = installedWith(pack('team', '1.0.0'));
    const notModified = interpretDownload(sub({ packId: 'team' }), { kind: 'not-modified' }, installed, 70);
    expect(notModified).toEqual({ patch: { lastCheck: 70, lastResult: 'unchanged', lastMessage: 'Up to date (1.0.0).' } });
    const same = interpretDownload(sub({ packId: 'team' }), fetched(pack('team', '1.0.0')), installed, 70);
    expect(same.next).toBeUndefined();
    expect(same.patch.lastResult).toBe('unchanged');
  });

  it('keeps the last good version on a transport error and says so', () => {
    const installed = installedWith(pack('team', '1.1.0'));
    const r = interpretDownload(sub({ packId: 'team' }), { kind: 'error', message: 'The server answered 404 Not Found; the last good version stays in use.' }, installed, 80);
    expect(r.next).toBeUndefined();
    expect(r.patch).toEqual({ lastCheck: 80, lastResult: 'error', lastMessage: expect.stringMatching(/404.*Still using “Team team” 1\.1\.0\./) });
    expect(r.patch.validators).toBeUndefined();
  });

  it('names line and column for a truncated download, and the JSON path for an invalid pack', () => {
    const installed = installedWith(pack('team', '1.0.0'));
    const text = JSON.stringify(pack('team', '2.0.0'), null, 2);
    const truncated = interpretDownload(sub({ packId: 'team' }), fetched(text.slice(0, 120)), installed, 90);
    expect(truncated.next).toBeUndefined();
    expect(truncated.patch.lastMessage).toMatch(/^The download is not a valid pack: line \d+, column \d+: This is not valid JSON/);
    expect(truncated.patch.lastMessage).toContain('Still using “Team team” 1.0.0.');

    const bad = pack('team', '2.0.0');
    (bad.phrases[0] as unknown as Record<string, unknown>).step = 'dance';
    const invalid = interpretDownload(sub({ packId: 'team' }), fetched(bad), installed, 90);
    expect(invalid.next).toBeUndefined();
    expect(invalid.patch.lastMessage).toMatch(/line \d+, column \d+ at \/phrases\/0\/step: /);
  });

  it('refuses a different pack id than the URL served before', () => {
    const installed = installedWith(pack('team', '1.0.0'));
    const r = interpretDownload(sub({ packId: 'team' }), fetched(pack('other', '9.0.0')), installed, 95);
    expect(r.next).toBeUndefined();
    expect(r.patch).toMatchObject({ lastResult: 'error', lastMessage: expect.stringContaining('now serves "other"') });
    expect(r.patch.packId).toBeUndefined();
  });

  it('refuses an older version from a subscription but takes it from a policy URL', () => {
    const installed = installedWith(pack('team', '2.0.0'));
    const subscribed = interpretDownload(sub({ packId: 'team' }), fetched(pack('team', '1.0.0')), installed, 99);
    expect(subscribed.patch).toMatchObject({ lastResult: 'error', lastMessage: expect.stringContaining('older than the installed 2.0.0') });
    const policy = interpretDownload(sub({ packId: 'team', fromPolicy: true }), fetched(pack('team', '1.0.0')), installed, 99);
    expect(policy.next?.[0]?.pack.version).toBe('1.0.0');
  });
});

describe('subscription list', () => {
  it('adds https and local http URLs once, and refuses other plain http with the reason', () => {
    const added = addSubscription([], 'https://packs.example.com/team.json', 5);
    expect(added).toMatchObject({ ok: true, next: [{ url: URL_A, fromPolicy: false, lastResult: 'pending', requestedAt: 5 }] });
    if (!added.ok) return;
    expect(addSubscription(added.next, ' HTTPS://PACKS.example.com/team.json ', 6)).toEqual({ ok: false, reason: 'You are already subscribed to this URL.' });
    expect(addSubscription([], 'http://127.0.0.1:8080/p.json', 5).ok).toBe(true);
    expect(addSubscription([], 'http://packs.example.com/p.json', 5)).toEqual({ ok: false, reason: expect.stringContaining('only allowed for localhost and 127.0.0.1') });
  });

  it('is due until checked, and again when a check is asked for', () => {
    const s = sub();
    expect(isDue(s)).toBe(true);
    const checked = { ...s, lastCheck: 10 };
    expect(isDue(checked)).toBe(false);
    const [asked] = requestCheck([checked], 11);
    expect(isDue(asked!)).toBe(true);
    expect(isDue({ ...asked!, lastCheck: 12 })).toBe(false);
  });

  it('keeps policy subscriptions: the agent cannot remove them, the policy does', () => {
    const { next, problems } = applyPolicyUrls([sub()], [URL_A, 'https://other.example.com/b.json', 'http://plain.example.com/c.json'], 3);
    expect(next.map((s) => [s.url, s.fromPolicy])).toEqual([[URL_A, true], ['https://other.example.com/b.json', true]]);
    expect(problems).toEqual([expect.stringContaining('http://plain.example.com/c.json')]);
    expect(removeSubscription(next, URL_A).ok).toBe(false);
    const dropped = applyPolicyUrls([...next, sub({ url: 'https://mine.example.com/m.json' })], [], 4).next;
    expect(dropped.map((s) => s.url)).toEqual(['https://mine.example.com/m.json']);
    expect(removeSubscription(dropped, 'https://mine.example.com/m.json')).toEqual({ ok: true, next: [] });
  });
});

describe('planPolicyPacks', () => {
  const policy = (packs: string[], lockedPackIds: string[] = []) => ({ packs, lockedPackIds });

  it('installs inline policy packs as policy packs and reports an invalid one with its position', () => {
    const good = JSON.stringify(pack('org', '1.0.0'));
    const r = planPolicyPacks([], policy([good, '{"schema": 1,\n "id": ']), new Set(), 10);
    expect(r.changed).toBe(true);
    expect(r.next.map((e) => [e.pack.id, e.source])).toEqual([['org', 'policy']]);
    expect(r.problems).toEqual([expect.stringMatching(/^Policy pack 2 is not a valid pack and was ignored: line 2, column \d+/)]);
  });

  it('changes nothing when the policy is the same, and removes policy packs it no longer delivers', () => {
    const first = planPolicyPacks([], policy([JSON.stringify(pack('org', '1.0.0'))]), new Set(), 10).next;
    const again = planPolicyPacks(first, policy([JSON.stringify(pack('org', '1.0.0'))]), new Set(), 11);
    expect(again.changed).toBe(false);
    const withImport = [...again.next, ...installedWith(pack('mine', '1.0.0'), 'imported')];
    const gone = planPolicyPacks(withImport, policy([]), new Set(), 12);
    expect(gone.next.map((e) => e.pack.id)).toEqual(['mine']);
    // A pack a policy URL delivered stays while that URL is in the policy.
    const kept = planPolicyPacks(first, policy([]), new Set(['org']), 12);
    expect(kept.next.map((e) => e.pack.id)).toEqual(['org']);
  });

  it('may move a pack down a version (policy decides)', () => {
    const v2 = planPolicyPacks([], policy([JSON.stringify(pack('org', '2.0.0'))]), new Set(), 10).next;
    const v1 = planPolicyPacks(v2, policy([JSON.stringify(pack('org', '1.0.0'))]), new Set(), 11);
    expect(v1.next[0]?.pack.version).toBe('1.0.0');
  });
});

describe('a subscription never stays pending (F11)', () => {
  it('reports cues nested 5,000 deep as an error on the subscription', () => {
    const deep = '{"a":'.repeat(5000) + '"x"' + '}'.repeat(5000);
    const text = `{"schema":1,"id":"team","name":"T","version":"1.0.0","locale":"en","phrases":[],"cues":{"frustration":${deep}}}`;
    const r = interpretDownload(sub(), { kind: 'fetched', text, validators: {} }, [], 5);
    expect(r.patch).toMatchObject({ lastCheck: 5, lastResult: 'error', lastMessage: expect.stringContaining('levels deep') });
    expect(r.next).toBeUndefined();
  });

  it('turns anything unforeseen into an error instead of throwing', () => {
    const broken = [{ pack: null }] as unknown as InstalledPack[];
    const r = interpretDownload(sub({ packId: 'team' }), fetched(pack('team', '1.0.0')), broken, 6);
    expect(r.patch).toMatchObject({ lastCheck: 6, lastResult: 'error' });
  });

  it('never lets an agent’s subscription replace the policy pack of the same id, check after check', () => {
    const policy = installedWith(pack('team', '1.0.0', ['Policy words']), 'policy');
    for (let k = 0; k < 3; k++) {
      const r = interpretDownload(sub({ packId: 'team' }), fetched(pack('team', '9.0.0', ['Hostile words'])), policy, 10 + k);
      expect(r.next).toBeUndefined();
      expect(r.patch).toMatchObject({ lastResult: 'error', lastMessage: expect.stringContaining('policy') });
    }
  });
});
