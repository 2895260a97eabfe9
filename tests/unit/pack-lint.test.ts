import { readFileSync } from 'node:fs';
import { resolve } from 'node:path';
import { describe, expect, it } from 'vitest';
import { lintPack } from '../../src/core/pack/lint';
import type { Pack } from '../../src/core/pack/types';
import { parsePack } from '../../src/core/pack/validate';

/** The fixture's data as lint sees already-parsed packs: it has an unknown placeholder, which validation refuses. */
function load(name: string): Pack {
  return JSON.parse(readFileSync(resolve('tests/fixtures/packs', name), 'utf8')) as Pack;
}

describe('lintPack', () => {
  const issues = lintPack(load('lint-issues.json'));
  const at = (path: string) => issues.filter((i) => i.path === path).map((i) => i.message);

  it('an unknown placeholder makes the pack invalid, with the place and the name probably meant', () => {
    const r = parsePack(readFileSync(resolve('tests/fixtures/packs', 'lint-issues.json'), 'utf8'));
    expect(r.ok).toBe(false);
    if (r.ok) return;
    expect(r.errors.map((e) => [e.path, e.line])).toEqual([['/phrases/0/text', 8]]);
    expect(r.errors[0]!.message).toMatch(/^Unknown placeholder \{\{company\.name\}\}/);
    const typo = parsePack(JSON.stringify({ schema: 1, id: 'x', name: 'x', version: '1.0.0', locale: 'en', phrases: [{ id: 'a', step: 'greet', text: 'Hi {{custmer.firstName|there}}' }] }));
    expect(typo.ok ? '' : typo.errors[0]!.message).toMatch(/Did you mean \{\{customer\.firstName\}\}\?/);
    const ask = parsePack(JSON.stringify({ schema: 1, id: 'x', name: 'x', version: '1.0.0', locale: 'en', phrases: [{ id: 'a', step: 'greet', text: 'Your {{ask: }}' }] }));
    expect(ask.ok ? '' : ask.errors[0]!.message).toMatch(/needs a label/);
  });

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
