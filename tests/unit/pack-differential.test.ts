// Schema = validator: the published pack schema, run by ajv, and the extension's validator
// (src/core/pack/validate.ts) must judge every pack alike. Thousands of seeded random packs, most
// built to be valid and many then broken on purpose, go through both; any disagreement fails the
// test unless ALLOWED below explains it (rules a JSON Schema cannot state).
//
// The pack shape is in ONE place: the generator walks public/packs/pack.schema.json itself, so a
// field added to the schema (a `desks` override list, a language field) is generated and mutated
// with no change here. Only strings a schema cannot make up on its own (versions, ids, URLs,
// regular expressions, placeholders, cue patterns) are listed, by property name, in SAMPLES:
// valid and nearly valid ones together. Add a field's samples there when it has a pattern.
import { readFileSync } from 'node:fs';
import { resolve } from 'node:path';
import { Ajv2020 } from 'ajv/dist/2020.js';
import { describe, expect, it } from 'vitest';
import { validatePack } from '../../src/core/pack/validate';
import { seededRandom } from '../../src/core/measure';
import type { PackError } from '../../src/core/pack/types';

type Schema = Record<string, any>; // eslint-disable-line @typescript-eslint/no-explicit-any
const schema = JSON.parse(readFileSync(resolve('public/packs/pack.schema.json'), 'utf8')) as Schema;
const ajvCheck = new Ajv2020({ allErrors: true, strict: true }).compile(schema);

const SEED = 20261130;
const PACKS = 6000;

/** Strings for string fields, by property name (an array's items use the array's name). */
const SAMPLES: Record<string, string[]> = {
  $schema: ['./pack.schema.json', 'https://support.example.com/packs/pack.schema.json', ''],
  id: ['acme-support', 'a.b_c:d-e', 'greet-1', 'x'.repeat(100), 'x'.repeat(101), '-x', 'héllo', ''],
  name: ['ACME support voice', 'Équipe 😀', 'ACME\u202ekcap', 'tab\there', ' ', 'x'.repeat(200), '😀'.repeat(200), '😀'.repeat(201)],
  author: ['Sam', '', 'Sam\u200f', 'x'.repeat(201)],
  version: ['1.0.0', '2.10.3-beta.1', '0.0.1+build.5', '999999999999999.0.0', '1.9007199254740993.0', '9007199254740993.0.0', '1.0', '01.0.0', 'v1.0.0'],
  locale: ['en', 'de', 'pt-BR', 'es-419', 'EN', 'e', 'zh-Hant-TW', 'x'.repeat(36)],
  text: [
    'Hi {{customer.firstName|there}}, thanks for waiting.',
    "I'm sorry you've had to reach out {{ticket.contacts|again}}.",
    'Your order {{ask:Order number}} is on its way.',
    'Hi {{custmer.firstName|there}}!',
    'Hi {{ customer.name }}',
    'Please send {{ask:}}',
    '{{agent.name}} here, {{ticket.subject}}',
    'Braces {{ like this }} stay text.',
    'x'.repeat(2000),
    '😀'.repeat(2000),
    '😀'.repeat(1001) + 'x'.repeat(999),
  ],
  matches: ['https://desk.example.com/*', 'https://*.example.com/*', 'http://localhost:8080/*', '*://*/*', 'https://*.com/*', 'https://*.com:8443/*', 'desk.example.com'],
  ticketUrlPattern: ['/tickets/(\\d+)', '#ticket/zoom/(\\d+)', '/conversation/(\\d+)', '/t/\\d+', '(a', '/t/(\\d+)\\1', '(?<=x)(\\d+)'],
  contacts: ['>=2', '1', ' < 3 ', '<=1', '>=1000', 'twice', '=0'],
  patterns: ['handed off', 'sorry ~ late', 'wait* ~2 #', 'a ~ b ~ c', 'a ~ b ~2 c ~3 d', 'x ~12 y', '@duration late', 'no|not ~1 reply'],
  calm: ['no rush', 'not a ~1 big deal', 'a ~ b ~ c ~ d'],
  courtesyPhrases: ['thanks in advance'],
  requests: ['could you', 'please ~ send'],
  selectors: ['#reply', '.subject'],
};
/** For any other string: plain text, and texts at the usual limits, counted as characters and as UTF-16 units. */
const TEXTS = ['Hello there', 'Thanks!', 'ACME', 'é', '😀 ok', 'refund', ' ', '', 'x'.repeat(60), 'x'.repeat(61), '😀'.repeat(60), '😀'.repeat(61), 'x'.repeat(100), 'x'.repeat(101), 'x'.repeat(120), 'x'.repeat(121), 'x'.repeat(200), '😀'.repeat(200), 'x'.repeat(201), 'x'.repeat(500), 'x'.repeat(501)];
/** Signal names, for the maps of signals: new ones, built-in ones, and names an object already has. */
const SIGNAL_NAMES = ['handover', 'refund-ask', 'sarcasm', 'repeat', 'thanks', 'urgent', 'toString', '__proto__', 'constructor', '1bad', 'x'.repeat(61)];
/** What a careless hand or a hostile source puts in place of a value. */
const WRONG: unknown[] = [null, true, false, 0, -1, 1.5, 2 ** 53 + 2, 1e300, '', ' ', '1', 'true', 'x'.repeat(2001), [], [null], {}, { extra: 1 }];
/** A fresh copy each time: a shared object would end up inside itself after a few mutations. */
const wrong = (g: Gen): unknown => structuredClone(g.pick(WRONG));
const UNKNOWN_KEYS = ['extra', 'Id', 'phrase', 'toString', '__proto__', 'constructor', '$comment'];

/** The differences between schema and validator that are intended: each is a rule JSON Schema cannot state. */
const ALLOWED: { why: string; message: RegExp }[] = [
  // JSON Schema's uniqueItems compares whole items; "unique by one field" cannot be said.
  { why: 'phrase ids must be unique within the pack', message: /^The phrase id ".*" is already used by phrase \d+/ },
  // Whether a regular expression runs on the extension's linear-time matcher takes that matcher to tell.
  { why: 'a ticket URL pattern must run on the linear matcher and have a capture group', message: /^The ticket URL pattern (".*" cannot be used|needs one capture group)/ },
  // A schema cannot measure the size of a serialised object or add up a cost over many strings.
  { why: 'the whole cues block is at most 200,000 characters as JSON', message: /^"cues" is too large/ },
  { why: 'all cue patterns together cost at most 1,000 units of matching work', message: /^The cue patterns add up to/ },
];

class Gen {
  constructor(readonly rnd: () => number) {}
  chance(p: number): boolean {
    return this.rnd() < p;
  }
  int(lo: number, hi: number): number {
    return lo + Math.floor(this.rnd() * (hi - lo + 1));
  }
  pick<T>(list: readonly T[]): T {
    return list[Math.floor(this.rnd() * list.length)]!;
  }
}

const deref = (s: Schema): Schema => (typeof s.$ref === 'string' ? deref(schema.$defs[s.$ref.replace('#/$defs/', '')]) : s);
const codePoints = (s: string) => [...s].length;

const regexps = new Map<string, RegExp>();
const re = (source: string) => regexps.get(source) ?? regexps.set(source, new RegExp(source, 'u')).get(source)!;

/** Whether a string meets a string schema's own rules, to keep most generated packs valid. */
function fits(s: string, sch: Schema): boolean {
  if (sch.enum && !sch.enum.includes(s)) return false;
  if (typeof sch.minLength === 'number' && codePoints(s) < sch.minLength) return false;
  if (typeof sch.maxLength === 'number' && codePoints(s) > sch.maxLength) return false;
  if (typeof sch.pattern === 'string' && !re(sch.pattern).test(s)) return false;
  if (sch.not?.pattern && re(sch.not.pattern).test(s)) return false;
  return true;
}

/** A value for `sch`, mostly valid: with `strict` false, strings may come from the nearly valid samples too. */
function generate(g: Gen, sch0: Schema, name: string, depth: number): unknown {
  const sch = deref(sch0);
  if ('const' in sch) return sch.const;
  if (sch.anyOf) return generate(g, g.pick(sch.anyOf as Schema[]), name, depth);
  if (sch.enum) return g.pick(sch.enum as unknown[]);
  switch (sch.type) {
    case 'boolean':
      return g.chance(0.5);
    case 'integer':
    case 'number': {
      const lo = sch.minimum ?? 0;
      const hi = sch.maximum ?? 100;
      const v = lo + g.rnd() * (hi - lo);
      return sch.type === 'integer' ? Math.round(v) : g.chance(0.5) ? Math.round(v) : Number(v.toFixed(2));
    }
    case 'string': {
      const pool = SAMPLES[name] ?? TEXTS;
      const good = pool.filter((s) => fits(s, sch));
      return good.length && g.chance(0.9) ? g.pick(good) : g.pick(pool);
    }
    case 'array': {
      const min = sch.minItems ?? 0;
      const max = Math.min(sch.maxItems ?? 4, depth > 2 ? 2 : 4, Math.max(min, 4));
      const out: unknown[] = [];
      for (let k = g.int(min, Math.max(min, max)); k > 0; k--) out.push(generate(g, sch.items ?? {}, name, depth + 1));
      return sch.uniqueItems ? [...new Map(out.map((v) => [JSON.stringify(v), v])).values()] : out;
    }
    case 'object': {
      const out: Record<string, unknown> = {};
      const props = (sch.properties ?? {}) as Record<string, Schema>;
      const keys = Object.keys(props);
      const p = Math.min(0.5, 3 / Math.max(1, keys.length));
      for (const key of keys) {
        if ((sch.required ?? []).includes(key) || g.chance(p)) out[key] = generate(g, props[key]!, key, depth + 1);
      }
      if (sch.additionalProperties && typeof sch.additionalProperties === 'object') {
        for (let k = g.int(0, 2); k > 0; k--) Object.defineProperty(out, g.pick(SIGNAL_NAMES.slice(0, 2)), { value: generate(g, sch.additionalProperties, name, depth + 1), enumerable: true, configurable: true, writable: true });
      }
      if (sch.minProperties && Object.keys(out).length < sch.minProperties && keys.length) out[keys[0]!] = generate(g, props[keys[0]!]!, keys[0]!, depth + 1);
      return out;
    }
    default:
      return g.pick(TEXTS);
  }
}

type Container = Record<string, unknown> | unknown[];
/** Every object and list in the value, with the key it sits under. */
function containers(v: unknown, name = '', out: { c: Container; name: string }[] = []): { c: Container; name: string }[] {
  if (typeof v !== 'object' || v === null) return out;
  out.push({ c: v as Container, name });
  for (const [k, child] of Object.entries(v)) containers(child, Array.isArray(v) ? name : k, out);
  return out;
}

const setOwn = (o: Record<string, unknown>, key: string, value: unknown) => Object.defineProperty(o, key, { value, enumerable: true, configurable: true, writable: true });

/** One random change somewhere in the pack: a wrong value, a sample that is nearly right, a key removed or added, a list emptied or doubled. */
function mutate(g: Gen, pack: Record<string, unknown>): void {
  const { c, name } = g.pick(containers(pack));
  const keys = Object.keys(c);
  const op = g.int(0, 7);
  if (Array.isArray(c)) {
    if (op <= 1 && c.length) c.push(structuredClone(c[g.int(0, c.length - 1)]));
    else if (op === 2) c.length = 0;
    else if (c.length) c[g.int(0, c.length - 1)] = op <= 4 ? wrong(g) : g.pick(SAMPLES[name] ?? TEXTS);
    return;
  }
  const key = keys.length ? g.pick(keys) : 'extra';
  if (op === 0 && keys.length) delete c[key];
  else if (op === 1) setOwn(c, g.pick(UNKNOWN_KEYS), wrong(g));
  else if (op === 2) setOwn(c, g.pick(SIGNAL_NAMES), g.chance(0.5) ? { reason: 'Handed off', patterns: ['handed off'] } : { weight: 2 });
  else if (op <= 4) setOwn(c, key, wrong(g));
  else if (op === 5) setOwn(c, key, g.pick(SAMPLES[key] ?? TEXTS));
  else if (typeof c[key] === 'number') setOwn(c, key, g.pick([-1, 0, 0.5, 1, 2, 10, 11, 100, 101, 86400, 86401, 2 ** 53]));
  else if (typeof c[key] === 'string') setOwn(c, key, g.pick(TEXTS));
  else if (Array.isArray(c[key])) setOwn(c, key, Array.from({ length: g.pick([31, 51, 201, 501]) }, (_, k) => `w${k}`));
  else setOwn(c, key, wrong(g));
}

/** Seeded packs: about a third left as generated, the rest with one to three changes. JSON-clean, as a downloaded pack is. */
function* packs(seed: number, count: number): Generator<unknown> {
  const g = new Gen(seededRandom(seed));
  for (let n = 0; n < count; n++) {
    const pack = generate(g, schema, '', 0) as Record<string, unknown>;
    if (g.chance(0.66)) for (let k = g.int(1, 3); k > 0; k--) mutate(g, pack);
    yield JSON.parse(JSON.stringify(pack));
  }
}

const explained = (errors: PackError[]) => errors.every((e) => ALLOWED.some((a) => a.message.test(e.message)));
const reasons = (errors: PackError[]) => [...new Set(errors.map((e) => ALLOWED.find((a) => a.message.test(e.message))!.why))];

describe('pack.schema.json and the validator judge generated packs alike', () => {
  it(`${PACKS.toLocaleString('en')} seeded packs, valid and broken: no disagreement ALLOWED does not explain`, () => {
    const counts = { valid: 0, invalid: 0, allowed: 0 };
    const allowedBy: Record<string, number> = {};
    const unexplained: string[] = [];
    for (const pack of packs(SEED, PACKS)) {
      const bySchema = ajvCheck(pack);
      const result = validatePack(pack);
      if (bySchema === result.ok) {
        counts[bySchema ? 'valid' : 'invalid']++;
        continue;
      }
      // An allowed difference goes one way only: the schema passes what the validator refuses for a rule above.
      if (bySchema && !result.ok && explained(result.errors)) {
        counts.allowed++;
        for (const why of reasons(result.errors)) allowedBy[why] = (allowedBy[why] ?? 0) + 1;
        continue;
      }
      if (unexplained.length < 5) {
        const why = result.ok ? (ajvCheck.errors ?? []).slice(0, 3).map((e) => `${e.instancePath} ${e.message}`) : result.errors.slice(0, 3).map((e) => `${e.path} ${e.message}`);
        unexplained.push(`schema ${bySchema ? 'accepts' : 'refuses'}, validator ${result.ok ? 'accepts' : 'refuses'}: ${why.join(' | ')}\n  ${JSON.stringify(pack).slice(0, 600)}`);
      } else unexplained.push('');
    }
    expect(unexplained.filter(Boolean), `${unexplained.length} disagreements`).toEqual([]);
    // A generator that makes only broken (or only valid) packs would compare nothing worth comparing.
    expect(counts.valid).toBeGreaterThan(PACKS * 0.15);
    expect(counts.invalid).toBeGreaterThan(PACKS * 0.3);
    console.log(`pack differential: ${JSON.stringify(counts)}; allowed: ${JSON.stringify(allowedBy)}`);
  }, 120_000);

  it('each allowed difference is real: one pack per rule that the schema passes and the validator refuses for it', () => {
    const base = { schema: 1, id: 'p', name: 'P', version: '1.0.0', locale: 'en', phrases: [{ id: 'a', step: 'greet', text: 'Hi' }] };
    const desk = { id: 'd', name: 'D', matches: ['https://d.example.com/*'] };
    const cases = [
      { ...base, phrases: [...base.phrases, { id: 'a', step: 'solve', text: 'Done' }] },
      { ...base, desks: [{ ...desk, ticketUrlPattern: '/t/\\d+' }] },
      { ...base, desks: [{ ...desk, ticketUrlPattern: '(?<=t/)(\\d+)' }] },
      { ...base, cues: { frustration: { signals: Object.fromEntries(Array.from({ length: 60 }, (_, k) => [`s${k}`, { reason: 'r', patterns: Array.from({ length: 200 }, (_, j) => `w${j} ${'x'.repeat(10)}`) }])) } } },
      { ...base, cues: { frustration: { signals: { many: { reason: 'r', patterns: Array.from({ length: 100 }, (_, j) => `a${j} ~ b ~ c`) } } } } },
    ];
    for (const pack of cases) {
      const result = validatePack(pack);
      expect(ajvCheck(pack), JSON.stringify(ajvCheck.errors?.slice(0, 2))).toBe(true);
      expect(result.ok).toBe(false);
      if (!result.ok) expect(explained(result.errors), result.errors[0]!.message).toBe(true);
    }
  });

  it('is deterministic: the same seed makes the same packs', () => {
    const a = [...packs(SEED, 50)];
    expect([...packs(SEED, 50)]).toEqual(a);
    expect([...packs(SEED + 1, 50)]).not.toEqual(a);
  });
});
