import { readFileSync, readdirSync } from 'node:fs';
import { resolve } from 'node:path';
import { Ajv2020 } from 'ajv/dist/2020.js';
import { describe, expect, it } from 'vitest';
import { DEFAULT_CUE_RULES } from '../../src/core/cues/rules';
import { PACK_SCHEMA_ID, withDerivedParts } from '../../src/core/pack/schema';
import { CHANNELS, DESK_REQUIRED_KEYS, PACK_REQUIRED_KEYS, PHRASE_REQUIRED_KEYS, WHEN_KEYS, parsePack, validatePack } from '../../src/core/pack/validate';
import { MAX_AGENT_KNOWS, MAX_MENTIONS, MAX_MENTION_LENGTH, MAX_PHRASES } from '../../src/core/pack/types';
import { CUE_KINDS } from '../../src/core/cues';
import { KEY_FACT_KINDS } from '../../src/core/key-facts';
import { CONTACTS_PATTERN } from '../../src/core/phrase-conditions';
import { STEP_IDS } from '../../src/core/steps';

type Schema = Record<string, unknown>;
const schema = JSON.parse(readFileSync(resolve('public/packs/pack.schema.json'), 'utf8')) as Schema;
const defs = schema.$defs as Record<string, Schema>;

// The published schema run by a real JSON Schema validator (draft 2020-12, strict: an unknown keyword fails).
const check = new Ajv2020({ allErrors: true, strict: true }).compile(schema);
function schemaErrors(value: unknown): string[] {
  return check(value) ? [] : (check.errors ?? []).map((e) => `${e.instancePath} ${e.message}`);
}

const fixtures = readdirSync(resolve('tests/fixtures/packs')).filter((f) => f.endsWith('.json'));
// Rules only the validator can check.
const VALIDATOR_ONLY = new Set(['bad-duplicate-ids.json']);

describe('pack.schema.json agrees with the validator', () => {
  it('is up to date with the validator\'s constants (else run `npm run packs -- schema --update`)', () => {
    expect(schema.$id).toBe(PACK_SCHEMA_ID);
    expect(withDerivedParts(schema)).toEqual(schema);
  });

  it('describes every part of the built-in cue rules, within its limits', () => {
    const { locale: _notAPackPart, ...rules } = DEFAULT_CUE_RULES.en!;
    const v = { schema: 1, id: 'p', name: 'P', version: '1.0.0', locale: 'en', phrases: [], cues: rules };
    expect(schemaErrors(v)).toEqual([]);
    expect(validatePack(v)).toMatchObject({ ok: true });
  });

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
      expect(schemaErrors(v).length === 0, JSON.stringify(when)).toBe(validatePack(v).ok);
    }
  });

  it.each(['../../../public/packs/default.en.json', ...fixtures])('judges %s the same way', (name) => {
    const text = readFileSync(resolve('tests/fixtures/packs', name), 'utf8');
    const byValidator = parsePack(text).ok;
    let bySchema: boolean;
    try {
      bySchema = schemaErrors(JSON.parse(text)).length === 0;
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
    for (const v of variants) expect(schemaErrors(v).length === 0, JSON.stringify(v)).toBe(validatePack(v).ok);
  });
});
