import { describe, expect, it } from 'vitest';
import {
  choosePhraseLocale,
  confidentLanguage,
  languageName,
  matchLocale,
  rulesRead,
  type LanguageDetection,
} from '../../src/core/phrase-language';

const sure = (language: string, percentage = 100): LanguageDetection => ({ isReliable: true, languages: [{ language, percentage }] });
const SPANISH = 'Hola, mi pedido no ha llegado todavía y ya han pasado dos semanas.';
const ALL = ['en', 'de', 'es', 'fr', 'pt-BR'];

describe('the language of a customer message', () => {
  it('is the detector’s answer when it is reliable, clear and the text long enough', () => {
    expect(confidentLanguage(SPANISH, sure('es'))).toBe('es');
    expect(confidentLanguage(SPANISH, sure('pt-BR'))).toBe('pt');
    expect(confidentLanguage(SPANISH, { isReliable: true, languages: [{ language: 'en', percentage: 20 }, { language: 'es', percentage: 80 }] })).toBe('es');
  });

  it('is unknown for short messages, unsure or mixed answers, and odd codes', () => {
    // What Chromium's detector answers for "Gracias": Portuguese, unreliable.
    expect(confidentLanguage('Gracias', { isReliable: false, languages: [{ language: 'pt', percentage: 100 }] })).toBeUndefined();
    // Reliable, but too short to trust: 18 letters.
    expect(confidentLanguage('Hola, gracias por todo!', sure('es'))).toBeUndefined();
    expect(confidentLanguage(SPANISH, { isReliable: false, languages: [{ language: 'es', percentage: 100 }] })).toBeUndefined();
    expect(confidentLanguage(SPANISH, { isReliable: true, languages: [{ language: 'es', percentage: 55 }, { language: 'en', percentage: 45 }] })).toBeUndefined();
    expect(confidentLanguage(SPANISH, { isReliable: true, languages: [] })).toBeUndefined();
    expect(confidentLanguage(SPANISH, sure('und'))).toBeUndefined();
    expect(confidentLanguage(SPANISH, sure('<img>'))).toBeUndefined();
    expect(confidentLanguage(undefined, sure('es'))).toBeUndefined();
    expect(confidentLanguage(SPANISH, undefined)).toBeUndefined();
  });
});

describe('matching a language to the packs', () => {
  it('prefers the same tag, then the same language', () => {
    expect(matchLocale(ALL, 'pt')).toBe('pt-BR');
    expect(matchLocale(['pt-PT', 'pt-BR'], 'pt-br')).toBe('pt-BR');
    expect(matchLocale(ALL, 'en-GB')).toBe('en');
    expect(matchLocale(ALL, 'nl')).toBeUndefined();
    expect(matchLocale(ALL, undefined)).toBeUndefined();
  });
});

describe('choosing the phrase language for a ticket', () => {
  it('offers the customer’s language first, with the agent’s one click away', () => {
    expect(choosePhraseLocale({ available: ALL, customer: 'es', agent: 'en-US' })).toEqual({ locale: 'es', why: 'customer', options: ['es', 'en'] });
    expect(choosePhraseLocale({ available: ALL, customer: 'en', agent: 'de-DE' })).toEqual({ locale: 'en', why: 'customer', options: ['en', 'de'] });
    expect(choosePhraseLocale({ available: ALL, customer: 'pt', agent: 'en' })).toEqual({ locale: 'pt-BR', why: 'customer', options: ['pt-BR', 'en'] });
  });

  it('keeps the agent’s choice for the ticket over what the message says', () => {
    expect(choosePhraseLocale({ available: ALL, customer: 'es', agent: 'en', chosen: 'en' })).toEqual({ locale: 'en', why: 'chosen', options: ['es', 'en'] });
    expect(choosePhraseLocale({ available: ALL, customer: 'es', agent: 'en', chosen: 'es' })).toEqual({ locale: 'es', why: 'chosen', options: ['es', 'en'] });
    // A third language chosen earlier stays on offer.
    expect(choosePhraseLocale({ available: ALL, customer: 'es', agent: 'en', chosen: 'fr' }).options).toEqual(['es', 'en', 'fr']);
  });

  it('falls back to the agent’s language, then English, and offers no switch when there is one language', () => {
    expect(choosePhraseLocale({ available: ALL, agent: 'fr-FR' })).toEqual({ locale: 'fr', why: 'agent', options: [] });
    expect(choosePhraseLocale({ available: ALL, agent: 'nl' })).toEqual({ locale: 'en', why: 'english', options: [] });
    expect(choosePhraseLocale({ available: ALL, customer: 'en', agent: 'en' })).toEqual({ locale: 'en', why: 'customer', options: [] });
  });

  it('does not offer a language no pack speaks, and forgets a choice whose pack is gone', () => {
    expect(choosePhraseLocale({ available: ALL, customer: 'nl', agent: 'en' })).toEqual({ locale: 'en', why: 'agent', options: [] });
    expect(choosePhraseLocale({ available: ['en'], customer: 'es', agent: 'en', chosen: 'es' })).toEqual({ locale: 'en', why: 'agent', options: [] });
    expect(choosePhraseLocale({ available: ['de'], customer: 'es' })).toEqual({ locale: 'de', why: 'english', options: [] });
    expect(choosePhraseLocale({ available: [] })).toEqual({ locale: 'en', why: 'english', options: [] });
  });
});

describe('language names', () => {
  it('names a language in its own words for the switch, and in English for a sentence', () => {
    expect(['es', 'en', 'de', 'fr'].map((l) => languageName(l))).toEqual(['Español', 'English', 'Deutsch', 'Français']);
    expect(languageName('pt-BR')).toMatch(/^Português/);
    expect(languageName('es', 'en')).toBe('Spanish');
    expect(languageName('not a tag!', 'en')).toBe('not a tag!');
  });

  it('says whether English rules can read a language', () => {
    expect([rulesRead(undefined), rulesRead('en'), rulesRead('en-GB'), rulesRead('es'), rulesRead('es', 'es-MX')]).toEqual([true, true, true, false, true]);
  });
});
