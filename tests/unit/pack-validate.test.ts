import { readFileSync } from 'node:fs';
import { resolve } from 'node:path';
import { describe, expect, it } from 'vitest';
import { lineColumnFinder, parseJsonWithPositions } from '../../src/core/pack/json-position';
import { MAX_PACK_BYTES, MAX_PHRASES, type CustomDeskDefinition } from '../../src/core/pack/types';
import { formatPackError, parsePack, validatePack } from '../../src/core/pack/validate';

const fixture = (name: string) => readFileSync(resolve('tests/fixtures/packs', name), 'utf8');
const base = { schema: 1, id: 'p', name: 'P', version: '1.0.0', locale: 'en' };
const errorsOf = (text: string) => {
  const r = parsePack(text);
  if (r.ok) throw new Error('expected errors');
  return r.errors;
};

describe('parseJsonWithPositions', () => {
  it('agrees with JSON.parse on valid documents and records value positions', () => {
    const text = '{\n  "a": [1, {"b": "x\\"y"}],\n  "c/d": null\n}';
    const r = parseJsonWithPositions(text);
    expect(r.ok).toBe(true);
    if (!r.ok) return;
    expect(r.json.value).toEqual(JSON.parse(text));
    const at = lineColumnFinder(text);
    expect(at(r.json.positions.get('/a/1/b')!)).toEqual({ line: 2, column: 18 });
    expect(at(r.json.positions.get('/c~1d')!)).toEqual({ line: 3, column: 10 });
  });

  it('rejects what JSON.parse rejects', () => {
    for (const bad of ['{"a":1,}', '[1,]', "{'a':1}", '{"a" 1}', '01', '"\\x"', 'tru', '{"a":1}}', '"a\nb"', '']) {
      expect(() => JSON.parse(bad), bad).toThrow();
      expect(parseJsonWithPositions(bad).ok, bad).toBe(false);
    }
  });

  it('stores "__proto__" as data', () => {
    const r = parseJsonWithPositions('{"__proto__": {"polluted": true}}');
    expect(r.ok && Object.keys(r.json.value as object)).toEqual(['__proto__']);
    expect(({} as Record<string, unknown>).polluted).toBeUndefined();
  });
});

describe('parsePack', () => {
  it('accepts a good pack and returns only known fields', () => {
    const r = parsePack(fixture('good.json'));
    expect(r.ok).toBe(true);
    if (!r.ok) return;
    expect(r.pack.id).toBe('acme-support');
    expect(r.pack.locked).toBe(true);
    expect(r.pack.phrases).toHaveLength(4);
    expect((r.pack.desks?.[0] as CustomDeskDefinition | undefined)?.ticketUrlPattern).toBe('/tickets/(\\d+)');
    expect('$schema' in r.pack).toBe(false);
  });

  it('keeps HTML and <script> in phrase text as plain text', () => {
    const r = parsePack(fixture('good.json'));
    expect(r.ok && r.pack.phrases.find((p) => p.id === 'solve-html')?.text).toBe('Type <b>exactly</b> this: <script>alert(1)</script> & press Enter.');
  });

  it('gives line and column for malformed JSON', () => {
    const [e, ...rest] = errorsOf(fixture('bad-malformed.json'));
    expect(rest).toEqual([]);
    expect(e).toMatchObject({ line: 5, column: 3, path: '' });
    expect(e!.message).toMatch(/comma/i);
  });

  it('says a truncated file is cut off, at its end', () => {
    const text = fixture('bad-truncated.json');
    const [e] = errorsOf(text);
    const lines = text.split('\n');
    expect(e).toMatchObject({ line: lines.length, column: lines[lines.length - 1]!.length + 1 });
    expect(e!.message).toMatch(/cut off/);
  });

  it('points wrong types at the offending values', () => {
    const errors = errorsOf(fixture('bad-types.json'));
    expect(errors.map((e) => [e.path, e.line, e.column])).toEqual([
      ['/version', 5, 14],
      ['/locked', 7, 13],
      ['/phrases/0/text', 9, 43],
      ['/phrases/1/channels', 10, 64],
    ]);
    expect(errors[0]!.message).toMatch(/text.*not a number/);
    expect(errors[1]!.message).toMatch(/true or false/);
    expect(errors[3]!.message).toMatch(/\["chat", "email"\]/);
  });

  it('reports missing required fields at the object that lacks them', () => {
    const errors = errorsOf(fixture('bad-missing-field.json'));
    expect(errors.map((e) => [e.path, e.line, e.column])).toEqual([
      ['/name', 1, 1],
      ['/phrases/0/text', 7, 5],
    ]);
    expect(errors[0]!.message).toBe('The pack is missing the required field "name".');
  });

  it('rejects unknown step ids and suggests the right one', () => {
    const [e, ...rest] = errorsOf(fixture('bad-unknown-step.json'));
    expect(rest).toEqual([]);
    expect(e).toMatchObject({ path: '/phrases/1/step', line: 9, column: 26 });
    expect(e!.message).toContain('Unknown step "empathise". Did you mean "empathize"?');
  });

  it('rejects duplicate phrase ids', () => {
    const [e] = errorsOf(fixture('bad-duplicate-ids.json'));
    expect(e).toMatchObject({ path: '/phrases/1/id', line: 9 });
    expect(e!.message).toMatch(/already used by phrase 0/);
  });

  it('refuses oversized text before parsing it', () => {
    const [e] = errorsOf(' '.repeat(MAX_PACK_BYTES + 1));
    expect(e!.message).toMatch(/limit is 1\.0 MB/);
    // Multi-byte characters count as bytes, not characters.
    expect(errorsOf(`"${'é'.repeat(MAX_PACK_BYTES / 2)}"`)[0]!.message).toMatch(/limit is 1\.0 MB/);
  });

  it('refuses 100,000 phrases with a clear limit message', () => {
    const phrases = Array.from({ length: 100_000 }, (_, i) => ({ id: `p${i}`, step: 'greet', text: 'Hi' }));
    const r = validatePack({ ...base, phrases });
    expect(r.ok).toBe(false);
    if (r.ok) return;
    expect(r.errors).toEqual([
      {
        path: '/phrases',
        line: 0,
        column: 0,
        message: `This pack has 100,000 phrases; the limit is ${MAX_PHRASES.toLocaleString('en')}. Split it into smaller packs or remove unused phrases.`,
      },
    ]);
    // Through parsePack too (one over the limit still fits under the size cap), with the position of the list.
    const short = Array.from({ length: MAX_PHRASES + 1 }, (_, i) => ({ id: `${i}`, step: 'greet', text: 'Hi' }));
    const text = JSON.stringify({ ...base, phrases: short });
    expect(text.length).toBeLessThan(MAX_PACK_BYTES);
    expect(errorsOf(text)[0]).toMatchObject({ path: '/phrases', line: 1, column: text.indexOf('[') + 1 });
  });

  it('accepts a pack at the phrase limit', () => {
    const phrases = Array.from({ length: MAX_PHRASES }, (_, i) => ({ id: `p${i}`, step: 'greet', text: `Hello ${i}` }));
    expect(validatePack({ ...base, phrases }).ok).toBe(true);
  });

  it('checks semver, ids, locale, schema number, text limits, channels, unknown fields', () => {
    const r = validatePack({
      ...base,
      schema: 2,
      id: 'has space',
      version: '1.0',
      locale: 'English',
      colour: 'red',
      steps: [{ id: 'solve', hint: '' }, { id: 'solve' }],
      phrases: [
        { id: 'a', step: 'greet', text: '   ' },
        { id: 'b', step: 'greet', text: 'x'.repeat(2001) },
        { id: 'c', step: 'greet', text: 'ok', channels: ['fax', 'chat', 'chat'], chanels: [] },
        'not an object',
      ],
    });
    expect(r.ok).toBe(false);
    if (r.ok) return;
    const byPath = Object.fromEntries(r.errors.map((e) => [e.path, e.message]));
    expect(Object.keys(byPath).sort()).toEqual(
      [
        '/colour',
        '/schema',
        '/id',
        '/version',
        '/locale',
        '/steps/0/hint',
        '/steps/1/id',
        '/phrases/0/text',
        '/phrases/1/text',
        '/phrases/2/channels/0',
        '/phrases/2/channels/2',
        '/phrases/2/chanels',
        '/phrases/3',
      ].sort(),
    );
    expect(byPath['/phrases/2/chanels']).toMatch(/Did you mean "channels"/);
    expect(byPath['/version']).toMatch(/MAJOR\.MINOR\.PATCH/);
    expect(byPath['/phrases/1/text']).toMatch(/2,001 characters long; the limit is 2,000/);
  });

  it('validates custom desks, including the capture group', () => {
    const r = validatePack({
      ...base,
      phrases: [],
      desks: [
        { id: 'd', name: 'D', matches: ['https://x.test/*'], ticketUrlPattern: '/tickets/\\d+' },
        { id: 'e', name: 'E', matches: ['not a pattern'], ticketUrlPattern: '(' },
      ],
    });
    expect(r.ok).toBe(false);
    if (r.ok) return;
    expect(r.errors.map((e) => e.path)).toEqual(['/desks/0/ticketUrlPattern', '/desks/1/matches/0', '/desks/1/ticketUrlPattern']);
  });

  it('caps the error list for huge broken packs', () => {
    const phrases = Array.from({ length: 500 }, () => ({ step: 'nope' }));
    const r = validatePack({ ...base, phrases });
    expect(r.ok).toBe(false);
    if (r.ok) return;
    expect(r.errors).toHaveLength(51);
    expect(r.errors[50]!.message).toMatch(/more problems/);
  });

  it('rejects non-objects and formats errors for people', () => {
    expect(validatePack([]).ok).toBe(false);
    expect(errorsOf('')[0]!.message).toMatch(/empty/);
    expect(formatPackError({ path: '/phrases/3/text', line: 5, column: 30, message: 'Fix it.' })).toBe('line 5, column 30 at /phrases/3/text: Fix it.');
  });
});
