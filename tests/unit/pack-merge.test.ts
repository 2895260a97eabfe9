import { readFileSync } from 'node:fs';
import { resolve } from 'node:path';
import { describe, expect, it } from 'vitest';
import { availableLocales, describeDiff, diffPacks, mergePacks, updateRefusal, type InstalledPack } from '../../src/core/pack/merge';
import type { Pack, Phrase } from '../../src/core/pack/types';
import { parsePack } from '../../src/core/pack/validate';
import { DEFAULT_PACKS } from '../../src/packs/default-packs';
import { compareSemver, isSemver } from '../../src/core/semver';
import { DEFAULT_STEPS } from '../../src/core/steps';

const pack = (id: string, version: string, phrases: Partial<Phrase>[], extra: Partial<Pack> = {}): Pack => ({
  schema: 1,
  id,
  name: id,
  version,
  locale: 'en',
  phrases: phrases.map((p, i) => ({ id: p.id ?? `${id}-${i}`, step: p.step ?? 'greet', text: p.text ?? `${id} ${version} ${i}` })),
  ...extra,
});

describe('semver', () => {
  it('orders versions by precedence', () => {
    const sorted = ['1.0.0-alpha', '1.0.0-alpha.1', '1.0.0-alpha.beta', '1.0.0-beta', '1.0.0-beta.2', '1.0.0-beta.11', '1.0.0-rc.1', '1.0.0', '1.0.10', '1.2.0', '10.0.0'];
    for (let i = 0; i + 1 < sorted.length; i++) {
      expect(compareSemver(sorted[i]!, sorted[i + 1]!), `${sorted[i]} < ${sorted[i + 1]}`).toBe(-1);
      expect(compareSemver(sorted[i + 1]!, sorted[i]!)).toBe(1);
    }
    expect(compareSemver('1.0.0+build.1', '1.0.0+build.2')).toBe(0);
    expect(compareSemver('bogus', '0.0.1')).toBe(-1);
  });

  it('rejects non-semver strings', () => {
    for (const v of ['1.0', 'v1.0.0', '01.0.0', '1.0.0-', '1.0.0-01', '']) expect(isSemver(v), v).toBe(false);
    expect(isSemver('2.1.0-rc.1+sha.5114f85')).toBe(true);
  });
});

describe('mergePacks', () => {
  it('orders phrases policy, subscribed, imported, default, personal regardless of input order', () => {
    const sources: InstalledPack[] = [
      { pack: pack('mine', '1.0.0', [{}]), source: 'personal' },
      { pack: pack('def', '1.0.0', [{}]), source: 'default' },
      { pack: pack('imp', '1.0.0', [{}]), source: 'imported' },
      { pack: pack('sub', '1.0.0', [{}]), source: 'subscribed' },
      { pack: pack('pol', '1.0.0', [{}]), source: 'policy' },
    ];
    const merged = mergePacks(sources);
    expect(merged.phrases.map((p) => p.packId)).toEqual(['pol', 'sub', 'imp', 'def', 'mine']);
    expect(merged.byStep.greet.map((p) => p.key)).toEqual(['pol/pol-0', 'sub/sub-0', 'imp/imp-0', 'def/def-0', 'mine/mine-0']);
    expect(merged.byStep.solve).toEqual([]);
  });

  it('treats the same pack id as one pack: the higher version wins, wherever it came from', () => {
    const merged = mergePacks([
      { pack: pack('acme', '1.0.0', [{ text: 'old' }]), source: 'policy' },
      { pack: pack('acme', '1.2.0', [{ text: 'new' }]), source: 'imported' },
    ]);
    expect(merged.phrases.map((p) => p.text)).toEqual(['new']);
    expect(merged.packs).toEqual([{ id: 'acme', name: 'acme', version: '1.2.0', source: 'imported', locale: 'en' }]);
  });

  it('skips disabled packs', () => {
    const merged = mergePacks([
      { pack: pack('def', '1.0.0', [{}]), source: 'default', disabled: true },
      { pack: pack('imp', '1.0.0', [{}]), source: 'imported' },
    ]);
    expect(merged.packs.map((p) => p.id)).toEqual(['imp']);
  });

  it('applies step overrides, the highest-priority pack first, leaving other steps as default', () => {
    const merged = mergePacks([
      { pack: pack('def', '1.0.0', [], { steps: [{ id: 'empathize', title: 'Default title', hint: 'Default hint' }] }), source: 'default' },
      { pack: pack('pol', '1.0.0', [], { steps: [{ id: 'empathize', title: 'Feel it' }] }), source: 'policy' },
    ]);
    const emp = merged.steps.find((s) => s.id === 'empathize')!;
    expect(emp).toEqual({ id: 'empathize', title: 'Feel it', hint: 'Default hint' });
    expect(merged.steps.map((s) => s.id)).toEqual(DEFAULT_STEPS.map((s) => s.id));
    expect(DEFAULT_STEPS.find((s) => s.id === 'empathize')!.title).toBe('Empathize');
  });

  it('drops the same sentence repeated by a lower-priority pack', () => {
    const merged = mergePacks([
      { pack: pack('a', '1.0.0', [{ text: 'Thanks for waiting!' }]), source: 'imported' },
      { pack: pack('b', '1.0.0', [{ text: 'thanks  for waiting!' }]), source: 'personal' },
    ]);
    expect(merged.phrases.map((p) => p.packId)).toEqual(['a']);
  });

  it('uses packs in the panel language when there are any, else English; personal always', () => {
    const sources: InstalledPack[] = [
      { pack: pack('en', '1.0.0', [{}]), source: 'default' },
      { pack: pack('de', '1.0.0', [{}], { locale: 'de' }), source: 'imported' },
      { pack: pack('mine', '1.0.0', [{}], { locale: 'fr' }), source: 'personal' },
    ];
    expect(mergePacks(sources, { locale: 'de-AT' }).packs.map((p) => p.id)).toEqual(['de', 'mine']);
    expect(mergePacks(sources, { locale: 'ja' }).packs.map((p) => p.id)).toEqual(['en', 'mine']);
    expect(mergePacks(sources).packs.map((p) => p.id)).toEqual(['de', 'en', 'mine']);
  });

  it('lists the languages the enabled shared packs speak, once each, in merge order', () => {
    const sources: InstalledPack[] = [
      { pack: pack('en', '1.0.0', [{}]), source: 'default' },
      { pack: pack('es', '1.0.0', [{}], { locale: 'es' }), source: 'default' },
      { pack: pack('es-2', '1.0.0', [{}], { locale: 'ES' }), source: 'imported' },
      { pack: pack('off', '1.0.0', [{}], { locale: 'fr' }), source: 'imported', disabled: true },
      { pack: pack('mine', '1.0.0', [{}], { locale: 'de' }), source: 'personal' },
    ];
    expect(availableLocales(sources)).toEqual(['en', 'es']);
  });

  it('shows the built-in packs one language at a time, English when asked for a language none speaks', () => {
    const sources: InstalledPack[] = DEFAULT_PACKS.map((d) => {
      const parsed = parsePack(readFileSync(resolve('public', d.path), 'utf8'));
      if (!parsed.ok) throw new Error(d.path);
      return { pack: parsed.pack, source: 'default' };
    });
    expect(availableLocales(sources)).toEqual(['en', 'de', 'es', 'fr', 'pt-BR']);
    for (const d of DEFAULT_PACKS) {
      const merged = mergePacks(sources, { locale: d.locale });
      expect(merged.packs.map((p) => p.id)).toEqual([d.id]);
      expect(merged.phrases.length).toBe(sources[0]!.pack.phrases.length);
    }
    expect(mergePacks(sources, { locale: 'pt' }).packs.map((p) => p.locale)).toEqual(['pt-BR']);
    expect(mergePacks(sources, { locale: 'nl' }).packs.map((p) => p.locale)).toEqual(['en']);
  });
});

describe('diffPacks', () => {
  it('lists phrases added, removed and changed by id', () => {
    const older = pack('p', '1.0.0', [{ id: 'same', text: 'a' }, { id: 'gone', text: 'b' }, { id: 'edit', text: 'c' }]);
    const newer = pack('p', '1.1.0', [{ id: 'same', text: 'a' }, { id: 'edit', text: 'c!' }, { id: 'new', text: 'd' }]);
    const d = diffPacks(older, newer);
    expect(d).toEqual({ added: ['new'], removed: ['gone'], changed: ['edit'] });
    expect(describeDiff(d)).toBe('1 phrase added, 1 phrase removed, 1 phrase changed');
    expect(describeDiff(diffPacks(older, older))).toBe('No phrase changes');
  });
});

describe('updateRefusal', () => {
  const v1 = pack('acme', '1.1.0', []);
  it('refuses a lower version except from policy, and a different pack id', () => {
    expect(updateRefusal(undefined, v1, 'subscribed')).toBeNull();
    expect(updateRefusal(v1, pack('acme', '1.2.0', []), 'subscribed')).toBeNull();
    expect(updateRefusal(v1, pack('acme', '1.0.0', []), 'subscribed')).toMatch(/older than the installed 1\.1\.0/);
    expect(updateRefusal(v1, pack('acme', '1.0.0', []), 'policy')).toBeNull();
    expect(updateRefusal(v1, pack('other', '9.0.0', []), 'subscribed')).toMatch(/now serves "other"/);
  });
});
