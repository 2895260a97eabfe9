import { describe, expect, it } from 'vitest';
import { LinearRegExp, linearPatternProblem, MAX_PROGRAM } from '../../src/core/linear-regex';
import { PRESETS } from '../../src/desks/presets';

/** Same match and the same group 1. An empty group 1 counts as absent: RegExp skips a repeat that
 *  matches nothing and leaves the group undefined where this reports "", and a ticket id is never empty. */
const same = (source: string, text: string) => {
  const re = new RegExp(source).exec(text);
  const lin = new LinearRegExp(source).exec(text);
  expect(lin && [lin.index, lin[0], lin[1] || undefined], `${source} on ${JSON.stringify(text)}`).toEqual(re && [re.index, re[0], re[1] || undefined]);
};

describe('LinearRegExp reads like RegExp', () => {
  it('finds the same ticket ids as RegExp on real desk URLs', () => {
    const urls = [
      'https://desk.example.com/#ticket/zoom/123',
      'https://help.example.com/conversation/77?folder=1',
      'https://help.example.com/scp/tickets.php?a=1&id=9#x',
      'https://chat.example.com/app/accounts/3/inbox/5/conversations/81',
      'https://jira.example.com/browse/SUP-12',
      'https://jira.example.com/jira/servicedesk/projects/SUP/queues/custom/1/SUP-99',
      'https://other.example.com/nothing/here',
    ];
    for (const p of Object.values(PRESETS)) for (const u of urls) same(p.ticketUrlPattern, u);
    for (const u of urls) for (const src of ['/tickets/(\\d+)', '[?&]id=(\\d+)', '(?:ticket|conversation)s?/(\\d+)$', '#ticket/zoom/(\\d+)', '^https://([^/]+)/']) same(src, u);
  });

  it('agrees with RegExp on many random patterns and texts (leftmost match, preferred group 1)', () => {
    let seed = 11;
    const rand = (n: number) => ((seed = (seed * 1103515245 + 12345) % 2 ** 31), seed % n);
    const atoms = ['a', 'b', '.', '[ab]', '[^a]', '\\d', '1', '(a|b)', '(?:ab|a)', '(a*)', '(b?)', 'x', '$', '^'];
    const quants = ['', '', '', '*', '+', '?', '{2}', '{1,3}', '*?', '+?', '{0,}'];
    for (let n = 0; n < 2500; n++) {
      const parts = Array.from({ length: 1 + rand(5) }, () => {
        const a = atoms[rand(atoms.length)]!;
        return a === '$' || a === '^' ? a : a + quants[rand(quants.length)];
      });
      let source = parts.join('');
      if (rand(3) === 0) source = `(${source})`;
      if (rand(4) === 0) source = `${source}|${atoms[rand(atoms.length)]}`;
      const text = Array.from({ length: rand(9) }, () => 'ab1x'[rand(4)]).join('');
      same(source, text);
    }
  });

  it('refuses syntax it does not read, with a reason', () => {
    for (const [src, words] of [
      ['(?=a)b', 'look-arounds'],
      ['(a)\\1', 'back-references'],
      ['\\bword', 'word boundaries'],
      ['a{5000}', 'repeat count'],
      ['(a', 'without its'],
      ['+a', 'nothing before it'],
      ['[z-a]', 'backwards'],
    ] as const) {
      expect(linearPatternProblem(src), src).toContain(words);
    }
    expect(linearPatternProblem('(?:[a-z]{1,500}){8}')).toContain('too large');
    expect(linearPatternProblem('/tickets/(\\d+)')).toBeNull();
  });
});

describe('catastrophic patterns run in linear time (F7)', () => {
  it('does bounded work for (a+)+ and friends on a 2,048-character URL that almost matches', () => {
    const text = `${'a'.repeat(2047)}!`;
    for (const src of ['(a+)+$', '(a|aa)+$', '(a*)*b', '(.*a){20}$', '(\\w+\\w+)+#']) {
      const re = new LinearRegExp(src);
      expect(re.exec(text), src).toBeNull();
      // Every character is read once per instruction at most; nothing like the exponential 2^n of backtracking.
      expect(re.lastSteps, src).toBeLessThanOrEqual((text.length + 1) * 2 * MAX_PROGRAM);
      expect(re.lastSteps, src).toBeLessThan(5_000_000);
    }
  });
});
