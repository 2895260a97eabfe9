// Every locale says everything English says, with the same placeholders, so no agent ever sees a
// key, an empty button or a literal "$NAME$".
import { readdirSync, readFileSync } from 'node:fs';
import { resolve } from 'node:path';
import { describe, expect, it } from 'vitest';
import { formatMessage } from '../../src/i18n';

type Entry = { message: string; description?: string; placeholders?: Record<string, { content: string; example?: string }> };
type Messages = Record<string, Entry>;

const ROOT = resolve(import.meta.dirname, '../..');
const LOCALES_DIR = resolve(ROOT, 'public/_locales');
const read = (locale: string): Messages => JSON.parse(readFileSync(resolve(LOCALES_DIR, locale, 'messages.json'), 'utf8'));
const locales = readdirSync(LOCALES_DIR).sort();
const en = read('en');

/** Placeholder names a message uses ($NAME$), lower-cased as Chrome matches them. */
const used = (message: string) => new Set([...message.matchAll(/\$([A-Za-z0-9_@]+)\$/g)].map((m) => m[1]!.toLowerCase()));
const declared = (e: Entry) => new Set(Object.keys(e.placeholders ?? {}).map((k) => k.toLowerCase()));

describe('UI locales', () => {
  it('ships English, German, Spanish, French and Brazilian Portuguese', () => {
    expect(locales).toEqual(['de', 'en', 'es', 'fr', 'pt_BR']);
  });

  it('names keys the way Chrome accepts them, none differing only in case', () => {
    const keys = Object.keys(en);
    for (const k of keys) expect(k, k).toMatch(/^(?!@@)[A-Za-z0-9_@]+$/);
    expect(new Set(keys.map((k) => k.toLowerCase())).size).toBe(keys.length);
  });

  it('has every manifest __MSG_…__ key in English', () => {
    const manifest = readFileSync(resolve(ROOT, 'manifest.json'), 'utf8');
    const keys = [...manifest.matchAll(/__MSG_([A-Za-z0-9_@]+)__/g)].map((m) => m[1]!);
    expect(keys.length).toBeGreaterThan(0);
    for (const k of keys) expect(Object.keys(en), k).toContain(k);
  });

  for (const locale of locales) {
    describe(locale, () => {
      const messages = read(locale);

      it('has exactly the English keys', () => {
        expect(Object.keys(messages).filter((k) => !Object.hasOwn(en, k)), 'keys English does not have').toEqual([]);
        expect(Object.keys(en).filter((k) => !Object.hasOwn(messages, k)), 'keys missing here').toEqual([]);
      });

      it('names its own language, for Intl dates and plurals (src/i18n.ts uiLocale)', () => {
        expect(messages.messagesLocale?.message).toBe(locale.replace('_', '-'));
      });

      it('has no empty message', () => {
        const empty = Object.entries(messages).filter(([, e]) => typeof e.message !== 'string' || !e.message.trim());
        expect(empty.map(([k]) => k)).toEqual([]);
      });

      it('uses every placeholder it declares and declares every one it uses', () => {
        const wrong = Object.entries(messages).flatMap(([k, e]) => {
          const u = used(e.message);
          const d = declared(e);
          return [...[...u].filter((p) => !d.has(p)).map((p) => `${k}: $${p.toUpperCase()}$ used, not declared`),
            ...[...d].filter((p) => !u.has(p)).map((p) => `${k}: ${p} declared, not used`)];
        });
        expect(wrong).toEqual([]);
      });

      it('maps each placeholder to the same substitution as English', () => {
        const wrong = Object.entries(messages).filter(([k, e]) => {
          const mine = Object.fromEntries(Object.entries(e.placeholders ?? {}).map(([n, p]) => [n.toLowerCase(), p.content]));
          const theirs = Object.fromEntries(Object.entries(en[k]?.placeholders ?? {}).map(([n, p]) => [n.toLowerCase(), p.content]));
          return JSON.stringify(Object.entries(mine).sort()) !== JSON.stringify(Object.entries(theirs).sort());
        });
        expect(wrong.map(([k]) => k)).toEqual([]);
      });

      it('has no stray $ that Chrome would show as it is', () => {
        const stray = Object.entries(messages).filter(([, e]) => /\$(?![A-Za-z0-9_@]+\$)/.test(e.message.replace(/\$[A-Za-z0-9_@]+\$/g, '')));
        expect(stray.map(([k]) => k)).toEqual([]);
      });

      if (locale !== 'en') {
        it('is translated, not copied from English', () => {
          // One or two words (Chat, Source, Ticket #$NUMBER$) are often the same in both languages;
          // a copied sentence is an oversight. The brand is the same everywhere.
          const SAME = new Set(['extName', 'phrasesSearchPlaceholder', 'deskReadsSelector']);
          const words = (m: string) => m.replace(/\$[A-Za-z0-9_@]+\$/g, '').split(/\s+/).filter((w) => /\p{L}/u.test(w)).length;
          const copied = Object.keys(en).filter((k) => !SAME.has(k) && words(en[k]!.message) >= 3 && messages[k]?.message === en[k]!.message);
          expect(copied).toEqual([]);
        });
      }
    });
  }
});

describe('formatMessage (the unit tests stand-in for chrome.i18n.getMessage)', () => {
  const messages = {
    greet: { message: 'Hi $NAME$, $COUNT$ new', placeholders: { name: { content: '$1' }, count: { content: '$2' } } },
    price: { message: 'Costs $$5' },
  };
  it('fills named placeholders from the substitutions, in order', () => {
    expect(formatMessage(messages, 'greet', ['Maria', '3'])).toBe('Hi Maria, 3 new');
  });
  it('matches placeholder names in any case, like Chrome', () => {
    expect(formatMessage({ a: { message: '$Name$!', placeholders: { NAME: { content: '$1' } } } }, 'a', ['Jo'])).toBe('Jo!');
  });
  it('turns $$ into $ and gives an empty string for an unknown key', () => {
    expect(formatMessage(messages, 'price', [])).toBe('Costs $5');
    expect(formatMessage(messages, 'nope', [])).toBe('');
    expect(formatMessage(messages, 'toString', [])).toBe('');
  });
});
