import { readFileSync, readdirSync } from 'node:fs';
import { resolve } from 'node:path';
import { describe, expect, it } from 'vitest';
import { CHANNELS, DESK_REQUIRED_KEYS, PACK_REQUIRED_KEYS, PHRASE_REQUIRED_KEYS, WHEN_KEYS, parsePack, validatePack } from '../../src/core/pack/validate';
import { MAX_AGENT_KNOWS, MAX_MENTIONS, MAX_MENTION_LENGTH, MAX_PHRASES } from '../../src/core/pack/types';
import { CUE_KINDS } from '../../src/core/cues';
import { KEY_FACT_KINDS } from '../../src/core/key-facts';
import { CONTACTS_PATTERN } from '../../src/core/phrase-conditions';
import { STEP_IDS } from '../../src/core/steps';

type Schema = Record<string, unknown>;
const schema = JSON.parse(readFileSync(resolve('public/packs/pack.schema.json'), 'utf8')) as Schema;
const defs = schema.$defs as Record<string, Schema>;

/**
 * A small evaluator for the JSON Schema keywords pack.schema.json uses, so the published schema and the
 * hand-written validator can be compared on real documents. Rules the schema cannot state
 * (unique phrase ids, capture groups) are checked by the validator only.
 */
function schemaErrors(value: unknown, s: Schema, path = ''): string[] {
  if (typeof s.$ref === 'string') return schemaErrors(value, defs[s.$ref.replace('#/$defs/', '')]!, path);
  if (Array.isArray(s.anyOf)) return (s.anyOf as Schema[]).some((alt) => schemaErrors(value, alt, path).length === 0) ? [] : [`${path}: anyOf`];
  const errs: string[] = [];
  const type = s.type as string | undefined;
  const actual = Array.isArray(value) ? 'array' : value === null ? 'null' : typeof value;
  if (type && actual !== type) return [`${path}: type`];
  if ('const' in s && value !== s.const) errs.push(`${path}: const`);
  if (Array.isArray(s.enum) && !s.enum.includes(value)) errs.push(`${path}: enum`);
  if (typeof value === 'string') {
    if (typeof s.minLength === 'number' && value.length < s.minLength) errs.push(`${path}: minLength`);
    if (typeof s.maxLength === 'number' && value.length > s.maxLength) errs.push(`${path}: maxLength`);
    if (typeof s.pattern === 'string' && !new RegExp(s.pattern, 'u').test(value)) errs.push(`${path}: pattern`);
  }
  if (Array.isArray(value)) {
    if (typeof s.minItems === 'number' && value.length < s.minItems) errs.push(`${path}: minItems`);
    if (typeof s.maxItems === 'number' && value.length > s.maxItems) errs.push(`${path}: maxItems`);
    if (s.uniqueItems && new Set(value.map((v) => JSON.stringify(v))).size !== value.length) errs.push(`${path}: uniqueItems`);
    if (s.items) value.forEach((v, i) => errs.push(...schemaErrors(v, s.items as Schema, `${path}/${i}`)));
  }
  if (actual === 'object') {
    const obj = value as Record<string, unknown>;
    const props = (s.properties ?? {}) as Record<string, Schema>;
    for (const key of (s.required as string[] | undefined) ?? []) if (!(key in obj)) errs.push(`${path}/${key}: required`);
    if (typeof s.minProperties === 'number' && Object.keys(obj).length < s.minProperties) errs.push(`${path}: minProperties`);
    for (const [key, v] of Object.entries(obj)) {
      if (props[key]) errs.push(...schemaErrors(v, props[key], `${path}/${key}`));
      else if (s.additionalProperties === false) errs.push(`${path}/${key}: additionalProperties`);
    }
  }
  return errs;
}

const fixtures = readdirSync(resolve('tests/fixtures/packs')).filter((f) => f.endsWith('.json'));
// Rules only the validator can check.
const VALIDATOR_ONLY = new Set(['bad-duplicate-ids.json']);

describe('pack.schema.json agrees with the validator', () => {
  it('has the same required keys and enums', () => {
    expect(schema.required).toEqual([...PACK_REQUIRED_KEYS]);
    expect(defs.phrase!.required).toEqual([...PHRASE_REQUIRED_KEYS]);
    expect(defs.desk!.required).toEqual([...DESK_REQUIRED_KEYS]);
    expect(defs.stepId!.enum).toEqual([...STEP_IDS]);
    expect(defs.channel!.enum).toEqual([...CHANNELS]);
    expect((schema.properties as Record<string, Schema>).phrases!.maxItems).toBe(MAX_PHRASES);
  });

  it('states the same "when" conditions, kinds and limits as the validator', () => {
    const when = defs.when!;
    const props = when.properties as Record<string, Schema>;
    expect(Object.keys(props)).toEqual([...WHEN_KEYS]);
    expect(props.contacts!.pattern).toBe(CONTACTS_PATTERN);
    expect(defs.cueKind!.enum).toEqual([...CUE_KINDS]);
    expect(defs.factKind!.enum).toEqual([...KEY_FACT_KINDS]);
    expect(props.agentKnows!.maxLength).toBe(MAX_AGENT_KNOWS);
    const mentionList = (props.mentions!.anyOf as Schema[])[1]!;
    expect(mentionList.maxItems).toBe(MAX_MENTIONS);
    expect((mentionList.items as Schema).maxLength).toBe(MAX_MENTION_LENGTH);
  });

  it('agrees on every kind of "when", right and wrong', () => {
    const good = { schema: 1, id: 'p', name: 'P', version: '1.0.0', locale: 'en', phrases: [{ id: 'a', step: 'greet', text: 'Hi' }] };
    const whens: unknown[] = [
      { contacts: '>=2' }, { contacts: ' 1 ' }, { contacts: '<3' }, { contacts: 2 }, { contacts: 'twice' }, { contacts: '>=1000' },
      { waited: true }, { waited: false }, { waited: 'true' }, { firstReply: true }, { firstReply: 1 },
      { cue: 'frustration' }, { cue: ['frustration', 'waiting'] }, { cue: [] }, { cue: 'anger' }, { cue: ['happy', 'happy'] },
      { fact: 'order' }, { fact: ['order', 'amount'] }, { fact: 'invoice' }, { fact: [] },
      { channel: 'chat' }, { channel: ['chat', 'messaging'] }, { channel: ['sms'] }, { channel: ['chat', 'chat'] },
      { mentions: 'delivery' }, { mentions: ['delivery', 'parcel'] }, { mentions: [] }, { mentions: [''] }, { mentions: ' ' }, { mentions: 'x'.repeat(61) },
      { mentions: Array.from({ length: 31 }, (_, i) => `w${i}`) },
      { agentKnows: 'it was our mistake' }, { agentKnows: '' }, { agentKnows: 'x'.repeat(121) },
      { contacts: '>=2', waited: true, cue: 'frustration', fact: 'order', channel: ['email'], mentions: ['refund'], firstReply: false, agentKnows: 'we got it wrong' },
      {}, { extra: true }, [], 'contacts>=2', null,
    ];
    for (const when of whens) {
      const v = { ...good, phrases: [{ id: 'a', step: 'greet', text: 'Hi', when }] };
      expect(schemaErrors(v, schema).length === 0, JSON.stringify(when)).toBe(validatePack(v).ok);
    }
  });

  it.each(['../../../public/packs/default.en.json', ...fixtures])('judges %s the same way', (name) => {
    const text = readFileSync(resolve('tests/fixtures/packs', name), 'utf8');
    const byValidator = parsePack(text).ok;
    let bySchema: boolean;
    try {
      bySchema = schemaErrors(JSON.parse(text), schema).length === 0;
    } catch {
      bySchema = false; // not JSON at all
    }
    if (VALIDATOR_ONLY.has(name)) {
      expect([bySchema, byValidator]).toEqual([true, false]);
    } else {
      expect(bySchema, name).toBe(byValidator);
    }
  });

  it('agrees on single-field mistakes', () => {
    const good = { schema: 1, id: 'p', name: 'P', version: '1.0.0', locale: 'en', phrases: [{ id: 'a', step: 'greet', text: 'Hi' }] };
    const variants: Record<string, unknown>[] = [
      good,
      { ...good, schema: 2 },
      { ...good, version: '1.0' },
      { ...good, locale: 'EN' },
      { ...good, extra: true },
      { ...good, locked: 'true' },
      { ...good, phrases: [{ id: 'a', step: 'solving', text: 'Hi' }] },
      { ...good, phrases: [{ id: 'a', step: 'greet', text: '' }] },
      { ...good, phrases: [{ id: 'a', step: 'greet', text: 'Hi', channels: [] }] },
      { ...good, phrases: [{ id: 'a', step: 'greet', text: 'Hi', channels: ['sms'] }] },
      { ...good, phrases: [{ id: 'a', step: 'greet', text: 'x'.repeat(2001) }] },
      { ...good, phrases: [{ id: '-a', step: 'greet', text: 'Hi' }] },
      { ...good, steps: [{ id: 'greet', title: 'Hello' }] },
      { ...good, steps: [{ id: 'hello' }] },
      { ...good, desks: [{ id: 'd', name: 'D', matches: ['https://d.test/*'], ticketUrlPattern: '/t/(\\d+)', selectors: { editor: '#r' } }] },
      { ...good, desks: [{ id: 'd', name: 'D', matches: ['d.test'], ticketUrlPattern: '/t/(\\d+)' }] },
      { ...good, desks: [{ id: 'd', name: 'D', matches: ['https://d.test/*'], ticketUrlPattern: '#ticket/zoom/(\\d+)', preset: 'zammad' }] },
      { ...good, desks: [{ id: 'd', name: 'D', matches: ['https://d.test/*'], ticketUrlPattern: '#ticket/zoom/(\\d+)', preset: 'zamad' }] },
      // Fixes for a built-in desk's selectors (issue #14).
      { ...good, desks: [{ extends: 'zendesk', selectors: { subject: 'h1.title', customerName: '.who' } }] },
      { ...good, desks: [{ extends: 'zendesk', selectors: {} }] },
      { ...good, desks: [{ extends: 'zendesk' }] },
      { ...good, desks: [{ extends: 'zendesk', selectors: { active: '.pane' } }] },
      { ...good, desks: [{ extends: 'zendesk', selectors: { subject: '' } }] },
      { ...good, desks: [{ extends: 'zendesk', selectors: { subject: 'x'.repeat(501) } }] },
      { ...good, desks: [{ extends: 'zendesk', selectors: { subject: 7 } }] },
      { ...good, desks: [{ extends: 'zendsk', selectors: { subject: 'h1' } }] },
      { ...good, desks: [{ extends: 'zendesk', id: 'z', selectors: { subject: 'h1' } }] },
      { ...good, desks: [{ extends: 'zendesk', selectors: { subject: 'h1' } }, { id: 'd', name: 'D', matches: ['https://d.test/*'], ticketUrlPattern: '/t/(\\d+)' }] },
    ];
    for (const v of variants) expect(schemaErrors(v, schema).length === 0, JSON.stringify(v)).toBe(validatePack(v).ok);
  });
});
