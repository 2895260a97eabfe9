import { afterEach, describe, expect, it } from 'vitest';
import { cleanup, fireEvent, render, screen } from '@testing-library/preact';
import { PhraseLanguageSwitch } from '../../src/panel/PhraseLanguageSwitch';
import { detectTextLanguage } from '../../src/panel/use-text-language';
import type { LanguageDetection } from '../../src/core/phrase-language';

afterEach(cleanup);

describe('the phrase language switch', () => {
  it('names each language in its own words, marks the one shown, and switches with one click', () => {
    const chosen: string[] = [];
    render(<PhraseLanguageSwitch choice={{ locale: 'es', why: 'customer', options: ['es', 'en'] }} onChoose={(l) => chosen.push(l)} />);
    const group = screen.getByRole('group', { name: 'Phrase language' });
    expect(group.textContent).toBe('Phrases in:Español·English');
    const spanish = screen.getByRole('button', { name: 'Español' });
    expect(spanish.getAttribute('aria-pressed')).toBe('true');
    expect(spanish.getAttribute('lang')).toBe('es');
    expect(spanish.title).toBe('The customer writes in this language');
    fireEvent.click(spanish);
    expect(chosen).toEqual([]);
    const english = screen.getByRole('button', { name: 'English' });
    expect(english.getAttribute('aria-pressed')).toBe('false');
    expect(english.title).toBe('Show the phrases in English for this ticket');
    fireEvent.click(english);
    expect(chosen).toEqual(['en']);
  });

  it('shows nothing when there is only one language', () => {
    const { container } = render(<PhraseLanguageSwitch choice={{ locale: 'en', why: 'agent', options: [] }} onChoose={() => undefined} />);
    expect(container.textContent).toBe('');
  });
});

describe('detecting a text’s language', () => {
  const text = 'Hola, mi pedido no ha llegado todavía y ya han pasado dos semanas.';
  it('asks the detector once per text, and says unknown when it is unsure or fails', async () => {
    let asked = 0;
    const detect = async (): Promise<LanguageDetection> => {
      asked++;
      return { isReliable: true, languages: [{ language: 'es', percentage: 97 }] };
    };
    expect(await detectTextLanguage(text, true, detect)).toBe('es');
    expect(await detectTextLanguage(text, true, detect)).toBe('es');
    expect(asked).toBe(1);
    expect(await detectTextLanguage(`${text} (2)`, true, async () => ({ isReliable: false, languages: [{ language: 'es', percentage: 97 }] }))).toBeUndefined();
    expect(await detectTextLanguage(`${text} (3)`, true, () => Promise.reject(new Error('no detector')))).toBeUndefined();
    expect(await detectTextLanguage(`${text} (4)`, true, null)).toBeUndefined();
  });

  it('does not keep drafts, which change on every key', async () => {
    let asked = 0;
    const detect = async (): Promise<LanguageDetection> => {
      asked++;
      return { isReliable: true, languages: [{ language: 'fr', percentage: 99 }] };
    };
    const draft = 'Bonjour Marie, je regarde votre commande tout de suite.';
    await detectTextLanguage(draft, false, detect);
    await detectTextLanguage(draft, false, detect);
    expect(asked).toBe(2);
  });
});
