import { readFileSync } from 'node:fs';
import { resolve } from 'node:path';
import { describe, expect, it } from 'vitest';
import { lintPack } from '../../src/core/pack/lint';
import type { Pack } from '../../src/core/pack/types';
import { parsePack } from '../../src/core/pack/validate';

function load(name: string): Pack {
  const r = parsePack(readFileSync(resolve('tests/fixtures/packs', name), 'utf8'));
  if (!r.ok) throw new Error(r.errors[0]!.message);
  return r.pack;
}

describe('lintPack', () => {
  const issues = lintPack(load('lint-issues.json'));
  const at = (path: string) => issues.filter((i) => i.path === path).map((i) => i.message);

  it('flags unknown placeholders as errors and corporate greetings', () => {
    expect(issues.find((i) => i.path === '/phrases/0/text' && i.severity === 'error')?.message).toMatch(/Unknown placeholder \{\{company\.name\}\}/);
    expect(at('/phrases/0/text').some((m) => m.includes('dear customer'))).toBe(true);
  });

  it('flags repeated and near-duplicate texts in the same step', () => {
    expect(at('/phrases/2/text').some((m) => m.startsWith('Same text as phrase 1'))).toBe(true);
    const pack: Pack = { schema: 1, id: 'x', name: 'x', version: '1.0.0', locale: 'en', phrases: [
      { id: 'a', step: 'greet', text: 'Thanks so much for waiting, I am here now.' },
      { id: 'b', step: 'greet', text: 'Thanks so much for waiting, I am here now again.' },
      { id: 'c', step: 'solve', text: 'Thanks so much for waiting, I am here now again.' },
    ] };
    const near = lintPack(pack).filter((i) => i.message.startsWith('Nearly the same'));
    expect(near.map((i) => i.path)).toEqual(['/phrases/1/text']);
  });

  it('flags blaming words', () => {
    const msgs = at('/phrases/3/text');
    expect(msgs.some((m) => m.includes('"as i said"'))).toBe(true);
    expect(msgs.some((m) => m.includes('"you should have"'))).toBe(true);
  });

  it('does not mistake an apology for blame', () => {
    const pack: Pack = { schema: 1, id: 'x', name: 'x', version: '1.0.0', locale: 'en', phrases: [{ id: 'a', step: 'apologize', text: "This isn't the service you should have had." }] };
    expect(lintPack(pack).filter((i) => i.path === '/phrases/0/text')).toEqual([]);
  });

  it('flags long chat phrases and thin steps', () => {
    expect(at('/phrases/4/text').some((m) => /long for chat/.test(m))).toBe(true);
    const stepMsgs = at('/phrases');
    expect(stepMsgs.some((m) => m.includes('Step "solve" has only 2'))).toBe(true);
    expect(stepMsgs.some((m) => m.startsWith('No phrases for reset, listen'))).toBe(true);
  });

  it('flags duplicate ids in already-parsed data', () => {
    const pack: Pack = { schema: 1, id: 'x', name: 'x', version: '1.0.0', locale: 'en', phrases: [
      { id: 'a', step: 'greet', text: 'Hello there, welcome back.' },
      { id: 'a', step: 'greet', text: 'Good morning and thanks for writing.' },
    ] };
    expect(lintPack(pack).some((i) => i.severity === 'error' && i.message.startsWith('Duplicate id "a"'))).toBe(true);
  });
});
