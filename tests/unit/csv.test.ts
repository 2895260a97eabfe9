import { describe, expect, it } from 'vitest';
import { parseCsv, toCsv } from '../../src/core/csv';

describe('parseCsv', () => {
  it('reads plain rows with CRLF, LF and CR line ends', () => {
    expect(parseCsv('a,b\r\nc,d\ne,f\rg,h')).toEqual([
      ['a', 'b'],
      ['c', 'd'],
      ['e', 'f'],
      ['g', 'h'],
    ]);
  });

  it('handles quoted commas, doubled quotes and line breaks inside quotes', () => {
    expect(parseCsv('"a,1","say ""hi""","two\r\nlines"\r\n')).toEqual([['a,1', 'say "hi"', 'two\r\nlines']]);
  });

  it('keeps empty fields and does not add a row for the final newline', () => {
    expect(parseCsv('a,,c\n,,\n')).toEqual([
      ['a', '', 'c'],
      ['', '', ''],
    ]);
    expect(parseCsv('')).toEqual([]);
  });

  it('drops a leading BOM', () => {
    expect(parseCsv('\uFEFFstep,text\n')).toEqual([['step', 'text']]);
  });
});

describe('toCsv', () => {
  it('quotes only fields that need it and ends every row with CRLF', () => {
    expect(toCsv([['plain', 'with,comma', 'with "quote"', 'line\nbreak', 3, null, undefined]])).toBe(
      'plain,"with,comma","with ""quote""","line\nbreak",3,,\r\n',
    );
  });

  it('neutralises spreadsheet formulas in text cells', () => {
    expect(toCsv([['=HYPERLINK("x")', '+1', '-2', '@SUM(A1)', 'ok']])).toBe(`"'=HYPERLINK(""x"")",'+1,'-2,'@SUM(A1),ok\r\n`);
    // Real numbers are data, not formulas.
    expect(toCsv([[-5]])).toBe('-5\r\n');
  });

  it('round-trips through parseCsv', () => {
    const rows = [
      ['step', 'text'],
      ['greet', 'Hi, "there"\nnew line'],
    ];
    expect(parseCsv(toCsv(rows))).toEqual(rows);
  });
});
