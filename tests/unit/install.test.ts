import { describe, expect, it } from 'vitest';
import type { Pack, Phrase } from '../../src/core/pack/types';
import { decideEnabled, decideInstall, decideRemove, isLocked, type InstalledPack } from '../../src/packs/install';
import { mergeInstalled } from '../../src/packs/merge-installed';

const pack = (id: string, version: string, phrases: Partial<Phrase>[] = [{}], extra: Partial<Pack> = {}): Pack => ({
  schema: 1,
  id,
  name: `Pack ${id}`,
  version,
  locale: 'en',
  phrases: phrases.map((p, i) => ({ id: p.id ?? `${id}-${i}`, step: p.step ?? 'greet', text: p.text ?? `${id} phrase ${i}` })),
  ...extra,
});

function install(current: InstalledPack[], p: Pack, source: InstalledPack['source'], now = 1, opts = {}): InstalledPack[] {
  const d = decideInstall(current, p, source, now, opts);
  if (!d.ok) throw new Error(d.reason);
  return d.next;
}

describe('decideInstall', () => {
  it('installs a new pack and records every phrase as added', () => {
    const d = decideInstall([], pack('acme', '1.0.0', [{ id: 'a' }, { id: 'b' }]), 'imported', 100);
    expect(d).toMatchObject({ ok: true, changed: true });
    if (!d.ok) return;
    expect(d.next).toHaveLength(1);
    expect(d.entry).toMatchObject({ source: 'imported', installedAt: 100, updatedAt: 100, lastChange: { toVersion: '1.0.0', added: ['a', 'b'], removed: [], changed: [] } });
    expect(d.entry.lastChange?.fromVersion).toBeUndefined();
  });

  it('keeps one pack per id: a higher version replaces the old one and records the diff', () => {
    const v1 = install([], pack('acme', '1.0.0', [{ id: 'a', text: 'Hi' }, { id: 'b' }]), 'imported', 100);
    const d = decideInstall(v1, pack('acme', '1.1.0', [{ id: 'a', text: 'Hello' }, { id: 'c' }]), 'imported', 200);
    expect(d.ok).toBe(true);
    if (!d.ok) return;
    expect(d.next).toHaveLength(1);
    expect(d.next[0]!.pack.version).toBe('1.1.0');
    expect(d.entry).toMatchObject({ installedAt: 100, updatedAt: 200, lastChange: { fromVersion: '1.0.0', toVersion: '1.1.0', added: ['c'], removed: ['b'], changed: ['a'] } });
  });

  it('refuses a lower version with the reason, unless it comes from policy', () => {
    const v2 = install([], pack('acme', '2.0.0'), 'subscribed');
    const refused = decideInstall(v2, pack('acme', '1.9.0'), 'subscribed', 2);
    expect(refused).toEqual({ ok: false, reason: expect.stringContaining('older than the installed 2.0.0') });
    const imported = decideInstall(v2, pack('acme', '1.9.0'), 'imported', 2);
    expect(imported.ok).toBe(false);
    const policy = decideInstall(v2, pack('acme', '1.9.0'), 'policy', 2);
    expect(policy).toMatchObject({ ok: true, changed: true, entry: { source: 'policy', pack: { version: '1.9.0' } } });
  });

  it('is atomic: a refused update leaves the list untouched, an accepted one never mixes versions', () => {
    const before = install([], pack('acme', '2.0.0', [{ id: 'a' }]), 'imported');
    const snapshot = JSON.stringify(before);
    decideInstall(before, pack('acme', '1.0.0', [{ id: 'x' }]), 'imported', 5);
    decideInstall(before, pack('acme', '3.0.0', [{ id: 'y' }]), 'imported', 5);
    expect(JSON.stringify(before)).toBe(snapshot);
    const d = decideInstall(before, pack('acme', '3.0.0', [{ id: 'y' }]), 'imported', 5);
    if (!d.ok) throw new Error('refused');
    expect(d.next.filter((e) => e.pack.id === 'acme').map((e) => e.pack.phrases.map((p) => p.id))).toEqual([['y']]);
  });

  it('reports no change for an identical pack, and keeps the stronger source', () => {
    const list = install([], pack('acme', '1.0.0'), 'policy');
    expect(decideInstall(list, pack('acme', '1.0.0'), 'policy', 9)).toMatchObject({ ok: true, changed: false });
  });

  it('reports no change for the same pack read back from storage with its keys sorted (the built-in pack on every start)', () => {
    const list = install([], pack('acme', '1.0.0', [{ id: 'a', text: 'Hi {{customer.firstName}}' }]), 'default');
    const sortKeys = (v: unknown): unknown => (Array.isArray(v) ? v.map(sortKeys) : v && typeof v === 'object' ? Object.fromEntries(Object.keys(v).sort().map((k) => [k, sortKeys((v as Record<string, unknown>)[k])])) : v);
    const stored = sortKeys(list) as InstalledPack[];
    expect(JSON.stringify(stored[0]!.pack)).not.toBe(JSON.stringify(list[0]!.pack));
    expect(decideInstall(stored, pack('acme', '1.0.0', [{ id: 'a', text: 'Hi {{customer.firstName}}' }]), 'default', 9)).toMatchObject({ ok: true, changed: false });
    expect(decideInstall(stored, pack('acme', '1.0.0', [{ id: 'a', text: 'Hello {{customer.firstName}}' }]), 'default', 9)).toMatchObject({ ok: true, changed: true });
  });

  it('keeps the disabled flag and the url across an update', () => {
    const list = install([], pack('acme', '1.0.0'), 'subscribed', 1, { url: 'https://x.example/p.json' });
    const off = decideEnabled(list, 'acme', false, []);
    if (!off.ok) throw new Error(off.reason);
    const d = decideInstall(off.next, pack('acme', '1.0.1'), 'subscribed', 2);
    expect(d).toMatchObject({ ok: true, entry: { disabled: true, url: 'https://x.example/p.json' } });
  });

  it('refuses to replace a locked subscribed or policy pack from a file', () => {
    const locked = install([], pack('acme', '1.0.0', [{}], { locked: true }), 'subscribed');
    expect(decideInstall(locked, pack('acme', '2.0.0'), 'imported', 2)).toMatchObject({ ok: false });
    const byPolicy = install([], pack('team', '1.0.0'), 'subscribed');
    expect(decideInstall(byPolicy, pack('team', '2.0.0'), 'imported', 2, { policyLocked: ['team'] }).ok).toBe(false);
    const imported = install([], pack('team', '1.0.0'), 'imported');
    expect(decideInstall(imported, pack('team', '2.0.0'), 'imported', 2, { policyLocked: ['team'] }).ok).toBe(false);
    expect(decideInstall(imported, pack('team', '2.0.0'), 'imported', 2).ok).toBe(true);
  });
});

describe('who may take a pack id (security review F1)', () => {
  const policyPack = install([], pack('team', '1.0.0', [{ text: 'Policy words' }]), 'policy', 1, { url: 'https://lead.example/team.json' });

  it('never lets a subscription replace a policy pack, even at a higher version', () => {
    const d = decideInstall(policyPack, pack('team', '9.0.0', [{ text: 'Hostile words' }]), 'subscribed', 2, { url: 'https://evil.example/p.json' });
    expect(d).toEqual({ ok: false, reason: expect.stringContaining('policy') });
    // The same from a file.
    expect(decideInstall(policyPack, pack('team', '9.0.0'), 'imported', 2).ok).toBe(false);
  });

  it('gives policy the id over anything the agent installed, without inheriting its label, url or switch', () => {
    const sub = install([], pack('team', '5.0.0'), 'subscribed', 1, { url: 'https://agent.example/p.json' });
    const off = decideEnabled(sub, 'team', false, []);
    if (!off.ok) throw new Error(off.reason);
    const d = decideInstall(off.next, pack('team', '1.0.0'), 'policy', 2);
    expect(d).toMatchObject({ ok: true, changed: true, entry: { source: 'policy', installedAt: 2 } });
    if (!d.ok) return;
    expect(d.entry.url).toBeUndefined();
    expect(d.entry.disabled).toBeUndefined();
    expect(d.next).toHaveLength(1);
  });

  it('does not hand a subscription’s label to a file, or a file’s to a subscription', () => {
    const sub = install([], pack('acme', '1.0.0'), 'subscribed', 1, { url: 'https://a.example/p.json' });
    expect(decideInstall(sub, pack('acme', '2.0.0'), 'imported', 2)).toEqual({ ok: false, reason: expect.stringContaining('subscription') });
    const file = install([], pack('acme', '1.0.0'), 'imported');
    expect(decideInstall(file, pack('acme', '2.0.0'), 'subscribed', 2, { url: 'https://a.example/p.json' })).toEqual({ ok: false, reason: expect.stringContaining('file') });
  });

  it('keeps one subscription from taking over the pack of another', () => {
    const sub = install([], pack('acme', '1.0.0'), 'subscribed', 1, { url: 'https://a.example/p.json' });
    expect(decideInstall(sub, pack('acme', '2.0.0'), 'subscribed', 2, { url: 'https://b.example/p.json' }).ok).toBe(false);
    expect(decideInstall(sub, pack('acme', '2.0.0'), 'subscribed', 2, { url: 'https://a.example/p.json' }).ok).toBe(true);
  });

  it('never lets a subscription, a file or policy wipe the agent’s own phrases or the built-in pack', () => {
    const mine = [
      ...install([], pack('personal', '1.0.0', [{ text: 'My own words' }]), 'personal'),
      ...install([], pack('person-first-default', '1.0.0'), 'default'),
    ];
    for (const source of ['policy', 'subscribed', 'imported'] as const) {
      for (const id of ['personal', 'person-first-default']) {
        const d = decideInstall(mine, pack(id, '99.0.0', [{ text: 'Replaced' }]), source, 2, { url: 'https://x.example/p.json' });
        expect(d.ok, `${source} serving ${id}`).toBe(false);
      }
    }
    // Not even when nothing holds the id yet; the built-in packs of every language are the default's.
    expect(decideInstall([], pack('personal', '1.0.0'), 'policy', 2).ok).toBe(false);
    for (const id of ['person-first-default-de', 'person-first-default-es', 'person-first-default-fr', 'person-first-default-pt-br']) {
      expect(decideInstall([], pack(id, '1.0.0'), 'subscribed', 2, { url: 'https://x.example/p.json' }).ok, id).toBe(false);
      expect(decideInstall([], pack(id, '1.0.0'), 'default', 2).ok, id).toBe(true);
    }
    // The owners still update their own.
    expect(decideInstall(mine, pack('personal', '1.0.1'), 'personal', 2).ok).toBe(true);
    expect(decideInstall(mine, pack('person-first-default', '1.1.0'), 'default', 2).ok).toBe(true);
  });
});

describe('locks, removal and turning off', () => {
  const list = [
    ...install([], pack('own', '1.0.0'), 'imported'),
    ...install([], pack('flagged', '1.0.0', [{}], { locked: true }), 'subscribed'),
    ...install([], pack('pushed', '1.0.0'), 'policy'),
    ...install([], pack('named', '1.0.0'), 'imported'),
    ...install([], pack('person-first-default', '1.0.0'), 'default'),
  ];

  it('knows a pack is locked by its flag, by policy delivery or by lockedPackIds', () => {
    const locked = list.filter((e) => isLocked(e, ['named'])).map((e) => e.pack.id);
    expect(locked).toEqual(['flagged', 'pushed', 'named']);
  });

  it('lets the agent unsubscribe from a self-locked pack they subscribed to, but never from a policy lock (F1)', () => {
    const sub = install([], pack('self', '1.0.0', [{}], { locked: true }), 'subscribed', 1, { url: 'https://x.example/p.json' });
    expect(decideRemove(sub, 'self', []).ok).toBe(false);
    expect(decideRemove(sub, 'self', [], { withItsSource: true })).toMatchObject({ ok: true, next: [] });
    expect(decideRemove(sub, 'self', ['self'], { withItsSource: true }).ok).toBe(false);
  });

  it('lets the agent remove and turn off a file that marks itself locked (F1)', () => {
    const own = install([], pack('self-locked', '1.0.0', [{}], { locked: true }), 'imported');
    expect(isLocked(own[0]!, [])).toBe(false);
    expect(decideRemove(own, 'self-locked', [])).toMatchObject({ ok: true, next: [] });
    expect(decideEnabled(own, 'self-locked', false, []).ok).toBe(true);
  });

  it('removes unlocked packs only, and never the built-in pack', () => {
    expect(decideRemove(list, 'own', [])).toMatchObject({ ok: true });
    const after = decideRemove(list, 'own', []);
    if (after.ok) expect(after.next.map((e) => e.pack.id)).not.toContain('own');
    for (const id of ['flagged', 'pushed']) expect(decideRemove(list, id, [])).toEqual({ ok: false, reason: expect.stringContaining('locked') });
    expect(decideRemove(list, 'named', ['named']).ok).toBe(false);
    expect(decideRemove(list, 'person-first-default', [])).toEqual({ ok: false, reason: expect.stringContaining('turned off') });
  });

  it('turns off unlocked packs; locked ones stay on', () => {
    const off = decideEnabled(list, 'own', false, []);
    expect(off.ok && off.next.find((e) => e.pack.id === 'own')?.disabled).toBe(true);
    expect(decideEnabled(list, 'pushed', false, []).ok).toBe(false);
    expect(decideEnabled(list, 'named', false, ['named']).ok).toBe(false);
    expect(decideEnabled(list, 'person-first-default', false, []).ok).toBe(true);
    expect(decideEnabled(list, 'missing', true, [])).toEqual({ ok: false, reason: expect.stringContaining('not installed') });
  });
});

describe('mergeInstalled', () => {
  const list = [
    ...install([], pack('person-first-default', '1.0.0', [{ text: 'Default hello' }]), 'default'),
    ...install([], pack('personal', '1.0.0', [{ text: 'My hello' }]), 'personal'),
    ...install([], pack('team', '1.0.0', [{ text: 'Team hello' }]), 'subscribed'),
  ];
  const texts = (policy: { disableDefaultPack: boolean; allowPersonalPhrases: boolean }) => mergeInstalled(list, policy).phrases.map((p) => p.text);

  it('orders team packs before the default pack and personal phrases last', () => {
    expect(texts({ disableDefaultPack: false, allowPersonalPhrases: true })).toEqual(['Team hello', 'Default hello', 'My hello']);
  });
  it('leaves out the default pack and personal phrases when policy says so', () => {
    expect(texts({ disableDefaultPack: true, allowPersonalPhrases: false })).toEqual(['Team hello']);
  });
});
