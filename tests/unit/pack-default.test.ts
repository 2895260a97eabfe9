import { readFileSync } from 'node:fs';
import { resolve } from 'node:path';
import { describe, expect, it } from 'vitest';
import { lintPack } from '../../src/core/pack/lint';
import type { Pack, Phrase } from '../../src/core/pack/types';
import { parsePack } from '../../src/core/pack/validate';
import { fillPlaceholders, placeholdersIn } from '../../src/core/placeholders';
import { STEP_IDS } from '../../src/core/steps';
import { DEFAULT_PACKS } from '../../src/packs/default-packs';

function load(file: string): { text: string; pack: Pack } {
  const text = readFileSync(resolve('public', file), 'utf8');
  const result = parsePack(text);
  if (!result.ok) throw new Error(`${file}\n${result.errors.map((e) => `${e.line}:${e.column} ${e.path} ${e.message}`).join('\n')}`);
  return { text, pack: result.pack };
}

const english = load('packs/default.en.json').pack;

/**
 * What each built-in pack must show of its language: the register its description names, words of
 * the other register that must never appear, and the repeat-contact line as a customer reads it.
 */
const LANGUAGES: Record<string, { register: RegExp; otherRegister?: RegExp; repeatContact: string }> = {
  en: { register: /./, repeatContact: "I'm sorry you've had to reach out 3 times about this, Maria. That shouldn't be necessary." },
  de: {
    register: /\(Sie\)/,
    otherRegister: /\b(?:du|dich|dir|dein\w*|euch|euer)\b/i,
    repeatContact: 'Es tut mir leid, dass Sie sich deswegen schon 3-mal melden mussten, Maria. Das sollte nicht nötig sein.',
  },
  es: {
    register: /\busted\b/,
    otherRegister: /\b(?:tú|te|ti|tu|tus|contigo|vosotros|os)\b/i,
    repeatContact: 'Siento que haya tenido que escribirnos 3 veces por esto, Maria. No debería hacer falta.',
  },
  fr: {
    register: /\(vous\)/,
    otherRegister: /\b(?:tu|toi|ton|ta|tes)\b|\bt[’']/i,
    repeatContact: 'Je regrette que vous ayez dû nous contacter 3 fois à ce sujet, Maria. Cela ne devrait pas arriver.',
  },
  'pt-BR': {
    register: /por você/,
    otherRegister: /\b(?:tu|te|teu|tua|teus|tuas|contigo|o senhor|a senhora)\b/i,
    repeatContact: 'Sinto muito que você tenha precisado entrar em contato 3 vezes por causa disso, Maria. Isso não deveria acontecer.',
  },
};

/** The placeholders of a phrase that are not the customer's name, and how many asks it has. */
function shape(p: Phrase) {
  const uses = placeholdersIn(p.text);
  return {
    values: uses.filter((u) => !u.ask && !u.name.startsWith('customer.')).map((u) => u.name).sort(),
    asks: uses.filter((u) => u.ask).length,
    customer: new Set(uses.filter((u) => u.name.startsWith('customer.')).map((u) => u.name)),
  };
}

/** Spaces and punctuation a filled phrase must not show (an empty fallback leaving "Hola ," behind). */
const BADLY_FILLED = /[{}]|[ \t\n][,.!?;:]|[\u00a0\u202f][,.]|,[\u00a0\u202f]?[.!?;:]|\s{2,}(?!\S)|^\s|\s$/;

describe.each(DEFAULT_PACKS.map((d) => [d.locale, d] as const))('default pack (%s)', (locale, entry) => {
  const { text, pack } = load(entry.path);
  const lang = LANGUAGES[locale]!;

  it('is the built-in pack for its locale and points editors at the schema', () => {
    expect(pack.id).toBe(entry.id);
    expect(pack.locale).toBe(locale);
    expect(JSON.parse(text).$schema).toBe('./pack.schema.json');
    expect(pack.description).toMatch(lang.register);
  });

  it('has at least 75 phrases and at least 6 for every step', () => {
    expect(pack.phrases.length).toBeGreaterThanOrEqual(75);
    for (const step of STEP_IDS) expect(pack.phrases.filter((p) => p.step === step).length, step).toBeGreaterThanOrEqual(6);
  });

  it('uses only known placeholders, with no lint findings', () => {
    for (const p of pack.phrases) for (const use of placeholdersIn(p.text)) expect(use.known, `${p.id}: ${use.raw}`).toBe(true);
    expect(lintPack(pack)).toEqual([]);
  });

  it('has the English pack’s phrases: same ids, steps, channels, tags, conditions and ticket values', () => {
    expect(pack.phrases.map((p) => p.id)).toEqual(english.phrases.map((p) => p.id));
    for (const [i, p] of pack.phrases.entries()) {
      const en = english.phrases[i]!;
      expect({ step: p.step, channels: p.channels, tags: p.tags, title: !!p.title }, p.id).toEqual({ step: en.step, channels: en.channels, tags: en.tags, title: !!en.title });
      // Words the customer uses and what only the agent knows are in the pack's language; every other condition is the same.
      const { mentions, agentKnows, ...facts } = p.when ?? {};
      const { mentions: enMentions, agentKnows: enKnows, ...enFacts } = en.when ?? {};
      expect(facts, p.id).toEqual(enFacts);
      expect(!!mentions?.length, p.id).toBe(!!enMentions?.length);
      expect(!!agentKnows, p.id).toBe(!!enKnows);
      // The same ticket values and as many asks; the customer's name only where the sentence takes it.
      const mine = shape(p);
      const theirs = shape(en);
      expect({ values: mine.values, asks: mine.asks }, p.id).toEqual({ values: theirs.values, asks: theirs.asks });
      for (const c of mine.customer) expect(theirs.customer.has(c), `${p.id}: ${c}`).toBe(true);
    }
  });

  it('reads naturally when nothing is known about the ticket, and when everything is', () => {
    const known = { locale, customer: { firstName: 'Maria', name: 'Maria Garcia', email: 'maria@example.com' }, agent: { name: 'Sam' }, ticket: { id: '42', subject: 'Refund', contacts: 3 } };
    for (const p of pack.phrases) {
      const bare = fillPlaceholders(p.text, { locale });
      expect(bare.missing.filter((f) => f.kind !== 'ask'), p.id).toEqual([]);
      expect(bare.text, p.id).not.toMatch(BADLY_FILLED);
      const full = fillPlaceholders(p.text, known);
      expect(full.missing.filter((f) => f.kind !== 'ask'), p.id).toEqual([]);
      expect(full.text, p.id).not.toMatch(BADLY_FILLED);
    }
  });

  it('keeps to the register its description names', () => {
    if (!lang.otherRegister) return;
    for (const p of pack.phrases.filter((x) => x.step !== 'reset')) expect(p.text, p.id).not.toMatch(lang.otherRegister);
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
    expect(of('greet').filter((p) => p.text.includes('{{customer.firstName|')).length).toBeGreaterThanOrEqual(4);
    expect(of('follow-through').some((p) => p.text.includes('{{customer.firstName|'))).toBe(true);
    expect(of('empathize').some((p) => p.text.includes('{{ticket.contacts|'))).toBe(true);
    expect(of('greet').some((p) => p.when?.waited && p.tags?.includes('waiting'))).toBe(true);
    expect(pack.phrases.some((p) => p.tags?.includes('patience'))).toBe(true);
    expect(pack.phrases.some((p) => /\{\{ask:[^}]+\}\}/.test(p.text) && p.when?.fact?.includes('order'))).toBe(true);
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

  it('renders a repeat-contact line with ticket facts, in its own words for the count', () => {
    const p = pack.phrases.find((x) => x.id === 'empathy-repeat-contact')!;
    expect(fillPlaceholders(p.text, { locale, customer: { firstName: 'Maria' }, ticket: { contacts: 3 } }).text).toBe(lang.repeatContact);
  });
});

describe('French typography', () => {
  const { pack } = load('packs/default.fr.json');
  it('puts a no-break space, never a plain one, before ? ! : ; and none is missing', () => {
    for (const p of pack.phrases) {
      const prose = p.text.replace(/\{\{[^{}]*\}\}/g, 'X');
      expect(prose, p.id).not.toMatch(/[^\u00a0\u202f][?!:;]/);
    }
  });
});
