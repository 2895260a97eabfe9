// The UI in German, as Chromium started with --lang=de shows it: chrome.i18n serves the German
// file while getUILanguage() still says en-US (Debian ships only the en-US browser resources), so
// dates, plurals and ordinals must follow the messages, not getUILanguage().
import { readFileSync } from 'node:fs';
import { resolve } from 'node:path';
import { afterEach, beforeAll, describe, expect, it } from 'vitest';
import { cleanup, render, screen } from '@testing-library/preact';
import { formatMessage, t, uiLocale } from '../../src/i18n';
import { StepGuide } from '../../src/panel/StepGuide';
import { TicketCard } from '../../src/panel/TicketCard';
import { contactsText, dueText, listText, plural } from '../../src/ui-words';
import { PhraseLanguageSwitch } from '../../src/panel/PhraseLanguageSwitch';
import { CuesBar } from '../../src/panel/coaching/CuesBar';
import { describeOverrides, overrideSelectorLines } from '../../src/options/desk-fix-words';

const de = JSON.parse(readFileSync(resolve(import.meta.dirname, '../../public/_locales/de/messages.json'), 'utf8'));

beforeAll(() => {
  (globalThis as { chrome?: unknown }).chrome = {
    i18n: { getMessage: (key: string, subs?: string[]) => formatMessage(de, key, subs ?? []), getUILanguage: () => 'en-US' },
  };
});
afterEach(cleanup);

describe('the UI in German', () => {
  it('takes its locale from the messages Chrome picked', () => {
    expect(uiLocale()).toBe('de');
    expect(t('commonCancel')).toBe('Abbrechen');
  });

  it('says when a follow-up is due in German, with a 24-hour time', () => {
    const now = new Date(2025, 2, 14, 10, 0);
    expect(dueText(new Date(2025, 2, 15, 9, 0).getTime(), now)).toBe('morgen um 09:00');
    expect(dueText(now.getTime() + 2 * 3_600_000, now)).toBe('in 2 Stunden');
    expect(dueText(now.getTime() - 3_600_000, now)).toBe('1 Stunde überfällig');
    expect(dueText(new Date(2025, 2, 17, 9, 0).getTime(), now)).toBe('Montag um 09:00');
  });

  it('uses German plurals, lists and ordinals', () => {
    expect(plural(1, 'packPhrasesOne', 'packPhrasesOther')).toBe('1 Satz');
    expect(plural(3, 'packPhrasesOne', 'packPhrasesOther')).toBe('3 Sätze');
    expect(listText(['Betreff', 'Kanal', 'letzte Nachricht'])).toBe('Betreff, Kanal und letzte Nachricht');
    expect(contactsText({ count: 3, basis: 'desk' } as never)).toBe('3. Kontakt – 3 Nachrichten hier im Ticket');
  });

  it('renders panel parts in German', () => {
    render(<StepGuide title="Empathize" done={2} total={9} />);
    expect(screen.getByText('Jetzt: Empathize')).toBeTruthy();
    expect(screen.getByText('2 von 9 Schritten erledigt. Die Reihenfolge ist egal; der Mensch kommt zuerst.')).toBeTruthy();
    cleanup();
    const ticket = { desk: 'zendesk', host: 'acme.zendesk.com', ticketId: '42', key: 'zendesk:acme.zendesk.com:42', url: 'https://acme.zendesk.com/agent/tickets/42', channel: 'email' as const, lastCustomerMessage: 'Hallo?', missing: ['customer.name', 'customer.email'] };
    render(<TicketCard shown={{ tabId: 1, ticket, inOtherTab: true } as never} deskName="Zendesk" onOpenTab={() => undefined} />);
    expect(screen.getByRole('region', { name: 'Aktuelles Ticket' })).toBeTruthy();
    expect(screen.getByText('E-Mail')).toBeTruthy();
    expect(screen.getByRole('button', { name: 'Hinwechseln' })).toBeTruthy();
    expect(screen.getByText('Zuletzt vom Kunden')).toBeTruthy();
    expect(screen.getByText(/Kundenname und Kunden-E-Mail nicht gefunden/)).toBeTruthy();
  });

  it('names languages in German where a German sentence names them', () => {
    render(<PhraseLanguageSwitch choice={{ locale: 'es', why: 'customer', options: ['es', 'en'] }} onChoose={() => undefined} />);
    expect(screen.getByRole('group', { name: 'Sprache der Sätze' }).textContent).toBe('Sätze auf:Español·English');
    expect(screen.getByRole('button', { name: 'Español' }).title).toBe('Der Kunde schreibt in dieser Sprache');
    expect(screen.getByRole('button', { name: 'English' }).title).toBe('Die Sätze für dieses Ticket auf Englisch zeigen');
    cleanup();
    const ticket = { desk: 'zendesk', host: 'acme.zendesk.com', ticketId: '42', key: 'zendesk:acme.zendesk.com:42', url: 'https://acme.zendesk.com/agent/tickets/42', channel: 'email' as const, lastCustomerMessage: 'Hola' };
    render(<CuesBar cues={[]} unread="es" ticket={ticket as never} part="cues" />);
    expect(screen.getByText('Hinweise lesen nur Nachrichten auf Englisch; diese scheint auf Spanisch zu sein.')).toBeTruthy();
  });

  it('says what a pack\'s desk fix changes in German', () => {
    const fix = [{ extends: 'zendesk' as const, selectors: { subject: 'h1', editor: '.e' } }];
    expect(describeOverrides(fix)).toEqual(['Ändert, wie Person First Zendesk liest: Betreff, Antwortfeld']);
    expect(overrideSelectorLines(fix)).toEqual(['Zendesk, Betreff: h1', 'Zendesk, Antwortfeld: .e']);
  });
});

describe('times', () => {
  it('are 24-hour with two digits in German, whatever getUILanguage says', async () => {
    const { timeText } = await import('../../src/ui-words');
    expect(timeText(new Date(2025, 2, 15, 9, 5))).toBe('09:05');
  });
});
