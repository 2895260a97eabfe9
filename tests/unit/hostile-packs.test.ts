// Hostile pack data from the security review (issue 13): each case is the input that got
// through, checked for what the extension must do with it. Speed is measured in the bench;
// here a case only has to finish and give the right answer.
import { describe, expect, it } from 'vitest';
import { detectCues } from '../../src/core/cues/detect';
import { compilePattern, MAX_PATTERN_GAPS, patternCost, patternProblem } from '../../src/core/cues/pattern';
import { DEFAULT_CUE_RULES, mergeCueRules } from '../../src/core/cues/rules';
import { fillPlaceholders, placeholdersIn, strayBraces } from '../../src/core/placeholders';
import { MAX_PACK_BYTES } from '../../src/core/pack/types';
import { parsePack, validatePack } from '../../src/core/pack/validate';

const packText = (extra: string) => `{"schema":1,"id":"p","name":"P","version":"1.0.0","locale":"en","phrases":[{"id":"a","step":"greet","text":"Hi"}]${extra}}`;

describe('cue patterns with gaps (F3)', () => {
  it('refuses a pattern with more gaps than the limit, naming it, and never compiles it', () => {
    const greedy = 'a ~6 a ~6 a ~6 a ~6 a ~6 a z';
    expect(patternProblem(greedy)).toContain('gaps');
    expect(compilePattern(greedy)).toBeNull();
    const r = parsePack(packText(`,"cues":{"frustration":{"signals":{"slow":{"reason":"x","patterns":["${greedy}"]}}}}`));
    expect(r.ok).toBe(false);
    if (!r.ok) expect(r.errors[0]).toMatchObject({ path: '/cues/frustration/signals/slow/patterns/0', message: expect.stringContaining('gaps') });
    // Pattern lists outside signals too.
    const calm = validatePack(JSON.parse(packText(`,"cues":{"urgency":{"calm":["x ~1 y ~1 z ~1 w"]}}`)));
    expect(calm.ok).toBe(false);
  });

  it('runs the most a pack may ask for on a worst-case message, and still finds the real match', () => {
    const worst = Array.from({ length: MAX_PATTERN_GAPS }, () => 'a ~6').join(' ') + ' a z';
    expect(patternProblem(worst)).toBeNull();
    const rules = mergeCueRules(DEFAULT_CUE_RULES.en!, { frustration: { signals: { worst: { reason: 'Worst case', patterns: [worst], weight: 9 } } } });
    const message = `${'a '.repeat(790)}`;
    const none = detectCues({ message, now: 0 }, rules);
    expect(none.find((c) => c.reason.includes('Worst case'))).toBeUndefined();
    const found = detectCues({ message: `${message} a z`, now: 0 }, rules);
    expect(found.find((c) => c.kind === 'frustration')?.reason).toContain('Worst case');
  });
});

describe('pack data as object keys (F4)', () => {
  it('refuses signal names that objects already have, naming the part', () => {
    for (const name of ['toString', 'hasOwnProperty', 'constructor', '__proto__', 'valueOf']) {
      const r = parsePack(packText(`,"cues":{"happy":{"signals":{"${name}":{"reason":"x","patterns":["thanks"]}}}}`));
      expect(r.ok, name).toBe(false);
      if (!r.ok) expect(r.errors[0]!.path, name).toBe(`/cues/happy/signals/${name}`);
    }
  });

  it('merges such a name from storage as an own signal, so detection neither throws nor reads the prototype', () => {
    const rules = mergeCueRules(DEFAULT_CUE_RULES.en!, { happy: { signals: { toString: { reason: 'Custom thanks', patterns: ['cheers mate'] } } } } as never);
    expect(() => detectCues({ message: 'Cheers mate, all good', now: 0 }, rules)).not.toThrow();
    const plain = mergeCueRules(DEFAULT_CUE_RULES.en!, { happy: { signals: { toString: { patterns: ['x'] } } } } as never);
    expect(Object.hasOwn(plain.happy.signals, 'toString')).toBe(false);
    expect(() => detectCues({ message: 'x', now: 0 }, plain)).not.toThrow();
  });

  it('refuses a channel named after a prototype member', () => {
    const r = parsePack(`{"schema":1,"id":"p","name":"P","version":"1.0.0","locale":"en","phrases":[{"id":"a","step":"greet","text":"Hi","channels":["toString"]}]}`);
    expect(r.ok).toBe(false);
  });

  it('fills {{toString}} and {{constructor}} like any unknown placeholder', () => {
    const r = fillPlaceholders('Hi {{toString}} {{constructor}} {{ask:__proto__}}', {});
    expect(r.missing.map((f) => f.key)).toEqual(['toString', 'constructor', 'ask:__proto__']);
    expect(fillPlaceholders('Hi {{toString}}', {}, { toString: 'Ann' }).text).toBe('Hi Ann');
  });
});

describe('placeholder scanning (F13)', () => {
  it('finishes on "{{ask:" followed by 2,000 spaces, and on many unclosed openings', () => {
    const spaces = `{{ask:${' '.repeat(2000)}`;
    expect(placeholdersIn(spaces)).toEqual([]);
    expect(placeholdersIn(`${spaces}}}`)).toMatchObject([{ name: 'ask:', known: false }]);
    expect(strayBraces('{{'.repeat(5000))).toHaveLength(5000);
    expect(placeholdersIn(`{{a${' '.repeat(3000)}|${' '.repeat(3000)}`)).toEqual([]);
  });

  it('reads tokens exactly as the old regular expression did', () => {
    const OLD = /\{\{\s*(ask\s*:\s*[^{}|]*?|[A-Za-z_][\w.]*)\s*(?:\|([^{}]*))?\}\}/g;
    const parts = ['{{', '}}', '{', '}', '|', ' ', 'ask', ':', 'a', '.', '1', 'x_y', '\n'];
    let seed = 7;
    const rand = () => (seed = (seed * 1103515245 + 12345) % 2 ** 31) / 2 ** 31;
    for (let n = 0; n < 3000; n++) {
      const text = Array.from({ length: 1 + Math.floor(rand() * 12) }, () => parts[Math.floor(rand() * parts.length)]).join('');
      const expected = [...text.matchAll(OLD)].map((m) => [m.index, m[0], m[2]]);
      expect(placeholdersIn(text).map((u) => [u.index, u.raw, u.fallback]), JSON.stringify(text)).toEqual(expected);
    }
  });
});

describe('size and depth (F11, F14)', () => {
  it('reports cues nested 5,000 deep as a problem with its position, instead of throwing', () => {
    const deep = '{"a":'.repeat(5000) + '"x"' + '}'.repeat(5000);
    const r = parsePack(packText(`,"cues":{"frustration":${deep}}`));
    expect(r.ok).toBe(false);
    if (!r.ok) expect(r.errors[0]).toMatchObject({ line: 1, message: expect.stringContaining('levels deep') });
    // An already-parsed value too (policy, storage).
    let value: unknown = 'x';
    for (let k = 0; k < 5000; k++) value = { a: value };
    expect(validatePack({ ...JSON.parse(packText('')), cues: { frustration: value } }).ok).toBe(false);
  });

  it('refuses an invalid 4.8 MB pack by its size, before reading it', () => {
    const junk = packText(`,"x":"${'y'.repeat(4.8 * 1024 * 1024)}"`);
    expect(junk.length).toBeGreaterThan(MAX_PACK_BYTES);
    const r = parsePack(junk);
    expect(r).toMatchObject({ ok: false, errors: [{ message: expect.stringContaining('the limit is 1.0 MB') }] });
  });
});

describe('names that read as something else (F10: bidi)', () => {
  it('refuses bidi overrides, isolates and control characters in pack, author and desk names', () => {
    for (const bad of ['ACME\u202Ekcap', 'Team\u2066x\u2069', 'Line\nbreak', 'Nul\u0000', 'Mark\u200F']) {
      const name = JSON.stringify(bad);
      const pack = parsePack(`{"schema":1,"id":"p","name":${name},"version":"1.0.0","locale":"en","phrases":[]}`);
      expect(pack.ok, JSON.stringify(bad)).toBe(false);
      if (!pack.ok) expect(pack.errors[0]).toMatchObject({ path: '/name', message: expect.stringContaining('text-direction') });
      expect(parsePack(`{"schema":1,"id":"p","name":"P","author":${name},"version":"1.0.0","locale":"en","phrases":[]}`).ok).toBe(false);
      expect(validatePack({ schema: 1, id: 'p', name: 'P', version: '1.0.0', locale: 'en', phrases: [], desks: [{ id: 'd', name: bad, matches: ['https://d.example.com/*'], ticketUrlPattern: '/t/(\\d+)' }] }).ok).toBe(false);
    }
    expect(parsePack('{"schema":1,"id":"p","name":"Équipe support — عربى","version":"1.0.0","locale":"en","phrases":[]}').ok).toBe(true);
  });
});

describe('the matching work of a pack’s cue patterns (F3)', () => {
  it('refuses patterns that add up past the budget, and counts the built-in rules well under it', () => {
    const gapped = 'a ~6 a ~6 a z';
    expect(patternCost(gapped)).toBe(49);
    const many = JSON.stringify(Array.from({ length: 200 }, () => gapped));
    const r = parsePack(packText(`,"cues":{"frustration":{"signals":{"slow":{"reason":"x","patterns":${many}}}}}`));
    expect(r.ok).toBe(false);
    if (!r.ok) expect(r.errors[0]).toMatchObject({ path: '/cues', message: expect.stringContaining('units of matching work') });
    const builtIn = JSON.stringify({ frustration: DEFAULT_CUE_RULES.en!.frustration, urgency: DEFAULT_CUE_RULES.en!.urgency, happy: DEFAULT_CUE_RULES.en!.happy });
    expect(parsePack(packText(`,"cues":${builtIn}`)).ok).toBe(true);
  });
});
