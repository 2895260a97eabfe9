import { readFileSync } from 'node:fs';
import { resolve } from 'node:path';
import { describe, expect, it } from 'vitest';
import { lintPack } from '../../src/core/pack/lint';
import { parsePack } from '../../src/core/pack/validate';
import { fillPlaceholders, placeholdersIn } from '../../src/core/placeholders';
import { STEP_IDS } from '../../src/core/steps';

const text = readFileSync(resolve('public/packs/default.en.json'), 'utf8');
const result = parsePack(text);
if (!result.ok) throw new Error(result.errors.map((e) => `${e.line}:${e.column} ${e.path} ${e.message}`).join('\n'));
const pack = result.pack;

describe('default English pack', () => {
  it('is the person-first-default pack and points editors at the schema', () => {
    expect(pack.id).toBe('person-first-default');
    expect(pack.locale).toBe('en');
    expect(JSON.parse(text).$schema).toBe('./pack.schema.json');
  });

  it('has at least 75 phrases and at least 6 for every step', () => {
    expect(pack.phrases.length).toBeGreaterThanOrEqual(75);
    for (const step of STEP_IDS) expect(pack.phrases.filter((p) => p.step === step).length, step).toBeGreaterThanOrEqual(6);
  });

  it('uses only known placeholders, with no lint findings', () => {
    for (const p of pack.phrases) for (const use of placeholdersIn(p.text)) expect(use.known, `${p.id}: ${use.raw}`).toBe(true);
    expect(lintPack(pack)).toEqual([]);
  });

  it('reads naturally when nothing is known about the ticket: only {{ask:…}} fields need input', () => {
    for (const p of pack.phrases) {
      const r = fillPlaceholders(p.text, {});
      expect(r.missing.filter((f) => f.kind !== 'ask'), p.id).toEqual([]);
      expect(r.text, p.id).not.toMatch(/[{}]|\s[,.!?]|\s{2,}(?!\S)/);
    }
  });

  it('has chat and email variants, name-using greetings and closings, and ticket-fact empathy', () => {
    const of = (step: string) => pack.phrases.filter((p) => p.step === step);
    const chat = pack.phrases.filter((p) => p.channels?.includes('chat'));
    const email = pack.phrases.filter((p) => p.channels?.includes('email'));
    expect(chat.length).toBeGreaterThanOrEqual(10);
    expect(email.length).toBeGreaterThanOrEqual(10);
    // Chat is short, email fuller.
    const avg = (xs: { text: string }[]) => xs.reduce((n, p) => n + p.text.length, 0) / xs.length;
    expect(avg(email)).toBeGreaterThan(avg(chat) * 1.5);
    expect(of('greet').filter((p) => p.text.includes('{{customer.firstName|there}}')).length).toBeGreaterThanOrEqual(4);
    expect(of('follow-through').some((p) => p.text.includes('{{customer.firstName|there}}'))).toBe(true);
    expect(of('empathize').some((p) => p.text.includes('{{ticket.contacts|'))).toBe(true);
    expect(pack.phrases.some((p) => /thanks? (you )?for waiting/i.test(p.text))).toBe(true);
    expect(pack.phrases.some((p) => /appreciate (your|you) (patience|holding)/i.test(p.text))).toBe(true);
    expect(pack.phrases.some((p) => p.text.includes('{{ask:Order number}}'))).toBe(true);
    expect(of('solve').filter((p) => p.tags?.includes('handover')).length).toBeGreaterThanOrEqual(2);
    expect(of('follow-through').filter((p) => p.tags?.includes('check-in')).length).toBeGreaterThanOrEqual(2);
  });

  it('keeps reset phrases as self-talk, tagged "self", never addressed to the customer', () => {
    for (const p of pack.phrases.filter((x) => x.step === 'reset')) {
      expect(p.tags, p.id).toContain('self');
      expect(p.text, p.id).not.toMatch(/customer\.|\bHi\b/);
    }
    expect(pack.phrases.filter((p) => p.tags?.includes('self')).every((p) => p.step === 'reset')).toBe(true);
  });

  it('renders a repeat-contact line with ticket facts', () => {
    const p = pack.phrases.find((x) => x.id === 'empathy-repeat-contact')!;
    expect(fillPlaceholders(p.text, { customer: { firstName: 'Maria' }, ticket: { contacts: 3 } }).text).toBe(
      "I'm sorry you've had to reach out 3 times about this, Maria. That shouldn't be necessary.",
    );
  });
});
