// What src/packs tells a lead (subscription checks, install refusals, policy problems) comes in the
// UI language; the validator's own findings inside those sentences stay English on purpose.
import { readFileSync } from 'node:fs';
import { resolve } from 'node:path';
import { afterEach, describe, expect, it } from 'vitest';
import { formatMessage } from '../../src/i18n';
import type { Pack } from '../../src/core/pack/types';
import { checkPackUrl, fetchPackText } from '../../src/packs/pack-fetch';
import { decideEnabled, decideInstall, decideRemove, type InstalledPack } from '../../src/packs/install';
import { planPolicyPacks } from '../../src/packs/policy-packs';
import { interpretDownload } from '../../src/packs/subscription-check';
import { addSubscription, applyPolicyUrls } from '../../src/packs/subscriptions';

const URL_A = 'https://packs.example.com/team.json';
const read = (locale: string) => JSON.parse(readFileSync(resolve(import.meta.dirname, `../../public/_locales/${locale}/messages.json`), 'utf8'));

function speak(locale: string): void {
  const messages = read(locale);
  (globalThis as { chrome?: unknown }).chrome = {
    i18n: { getMessage: (key: string, subs?: string[]) => formatMessage(messages, key, subs ?? []), getUILanguage: () => locale },
  };
}
afterEach(() => {
  delete (globalThis as { chrome?: unknown }).chrome;
});

const pack = (id: string, version: string, extra: Partial<Pack> = {}): Pack => ({
  schema: 1, id, name: `Team ${id}`, version, locale: 'en', phrases: [{ id: 'p0', step: 'greet', text: 'Hello there' }], ...extra,
});
const installed = (p: Pack, source: InstalledPack['source'] = 'subscribed'): InstalledPack[] => {
  const d = decideInstall([], p, source, 1, { url: URL_A });
  if (!d.ok) throw new Error(d.reason);
  return d.next;
};
const fetched = (p: unknown) => ({ kind: 'fetched' as const, text: JSON.stringify(p), validators: {} });
const sub = { url: URL_A, fromPolicy: false, validators: {}, packId: 'team' };

describe('pack messages in the UI language', () => {
  it('reports subscription checks in German', () => {
    speak('de');
    const list = installed(pack('team', '1.0.0'));
    expect(interpretDownload(sub, { kind: 'not-modified' }, list, 5).patch.lastMessage).toBe('Aktuell (1.0.0).');
    expect(interpretDownload(sub, fetched(pack('team', '1.1.0')), list, 5).patch.lastMessage).toBe('Von 1.0.0 auf 1.1.0 aktualisiert.');
    expect(interpretDownload(sub, { kind: 'error', message: 'x' }, list, 5).patch.lastMessage).toBe('x „Team team“ 1.0.0 bleibt in Gebrauch.');
    const older = interpretDownload(sub, fetched(pack('team', '0.9.0')), list, 5).patch.lastMessage;
    expect(older).toBe('Version 0.9.0 ist älter als die installierte 1.0.0; 1.0.0 bleibt. „Team team“ 1.0.0 bleibt in Gebrauch.');
  });

  it('keeps the validator’s findings in English inside a translated sentence', () => {
    speak('fr');
    const message = interpretDownload(sub, fetched({ schema: 1 }), [], 5).patch.lastMessage ?? '';
    expect(message).toMatch(/^Le téléchargement n’est pas un pack valide : /);
    expect(message).toMatch(/required|missing|must/i);
  });

  it('explains refused installs, removals and switches in Spanish', () => {
    speak('es');
    const list = installed(pack('team', '1.0.0'), 'imported');
    const taken = decideInstall(list, pack('team', '2.0.0'), 'subscribed', 5, { url: URL_A });
    expect(taken.ok ? '' : taken.reason).toBe('Ya hay un paquete con el id «team» instalado desde un archivo («Team team»); quítalo primero para usar este.');
    const builtIn = decideRemove(installed(pack('person-first-default', '1.0.0'), 'default'), 'person-first-default', []);
    expect(builtIn.ok ? '' : builtIn.reason).toBe('El paquete integrado se puede desactivar, pero no quitar.');
    const on = decideEnabled(list, 'team', false, ['team']);
    expect(on.ok ? '' : on.reason).toBe('«Team team» está bloqueado por tu responsable de equipo y sigue activado.');
  });

  it('names URL, download and policy problems in Brazilian Portuguese', async () => {
    speak('pt_BR');
    expect(checkPackUrl('not a url')).toEqual({ ok: false, reason: 'Essa não é uma URL válida.' });
    const html = await fetchPackText(URL_A, {}, { fetchImpl: async () => new Response('<p>hi</p>', { headers: { 'content-type': 'text/html' } }) });
    expect(html).toEqual({ kind: 'error', message: expect.stringMatching(/^A URL retornou uma página da web \(HTML\)/) });
    expect(addSubscription([{ url: URL_A, fromPolicy: false, validators: {} }], URL_A, 1)).toEqual({ ok: false, reason: 'Você já assina esta URL.' });
    expect(applyPolicyUrls([], ['ftp://x'], 1).problems[0]).toMatch(/^A URL de pacote “ftp:\/\/x” da política foi ignorada: Só é possível assinar/);
    expect(planPolicyPacks([], { packs: ['{'], lockedPackIds: [] }, new Set(), 1).problems[0]).toMatch(/^O pacote 1 da política não é um pacote válido e foi ignorado: /);
  });

  it('falls back to the English wording where chrome.i18n is absent', () => {
    const list = installed(pack('team', '1.0.0'));
    expect(interpretDownload(sub, { kind: 'not-modified' }, list, 5).patch.lastMessage).toBe('Up to date (1.0.0).');
    expect(checkPackUrl('http://example.com/p.json')).toEqual({ ok: false, reason: 'Plain http is only allowed for localhost and 127.0.0.1: ask for an https URL so the pack cannot be altered on the way.' });
  });
});
