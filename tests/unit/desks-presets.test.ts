// Issue #8: presets in custom desk definitions (merging, validation), the content script's choice of
// adapter, and the options page's preset picker and pack desks (pure parts).
import { readFileSync } from 'node:fs';
import { resolve } from 'node:path';
import { afterEach, beforeEach, describe, expect, it, vi } from 'vitest';
import { DESK_PRESET_IDS, type CustomDeskDefinition, type Pack } from '../../src/core/pack/types';
import { validatePack } from '../../src/core/pack/validate';
import { matchesPattern } from '../../src/desks';
import { customAdapter, customAdapterFor, mergedSelectors } from '../../src/desks/custom';
import { presetOf, PRESETS } from '../../src/desks/presets';
import { applyPreset, checkDesk, deskRequestLines, draftToDefinition, EMPTY_DRAFT, originsToRevoke, packDesks } from '../../src/options/DesksSection';
import type { InstalledPack } from '../../src/packs/install';
import { loadDeskFixture, urlAt } from './desks-fixture';

const base = { schema: 1, id: 'p', name: 'P', version: '1.0.0', locale: 'en', phrases: [] };
const desk = (extra: Record<string, unknown> = {}) => ({ id: 'z', name: 'Our Zammad', matches: ['https://support.acme.test/*'], ticketUrlPattern: '#ticket/zoom/(\\d+)', ...extra });

describe('preset merging', () => {
  it('takes every selector the definition leaves out (or leaves blank) from the preset', () => {
    const merged = mergedSelectors({ preset: 'zammad', selectors: { subject: '.my-title', editor: '  ' } });
    expect(merged).toEqual({ ...PRESETS.zammad.selectors, subject: '.my-title' });
  });

  it('uses only the definition without a preset, or with one it does not know', () => {
    expect(mergedSelectors({ selectors: { subject: 'h1' } })).toEqual({ subject: 'h1' });
    expect(mergedSelectors({ preset: 'zammmad', selectors: { subject: 'h1' } })).toEqual({ subject: 'h1' });
    // Names on Object.prototype are not presets.
    for (const name of ['constructor', '__proto__', 'toString']) expect(presetOf(name)).toBeUndefined();
  });

  it('a merged desk reads its fixture: the preset supplies what the lead did not type', async () => {
    await loadDeskFixture('osticket', 42);
    const a = customAdapter({ id: 'ost', name: 'Helpdesk', matches: ['https://help.acme.test/*'], ticketUrlPattern: 'tickets\\.php\\?id=(\\d+)', preset: 'osticket', selectors: { customerName: '.tixTitle h3' } });
    const t = a.read(document, urlAt('help.acme.test'))!;
    expect(t.customer?.name).toBe('Refund for order #1042 still missing'); // the lead's own selector won
    expect(t.customer?.email).toBe('maria@example.com'); // from the preset
    expect(t.customerMessages).toBe(2);
  });
});

describe('the Zammad preset reads the task the URL names', () => {
  it('even while the previous task is still the visible one (the hash changes first)', async () => {
    const d = await loadDeskFixture('zammad', 42);
    await d.open(43, { delay: 0 });
    history.pushState({}, '', '/#ticket/zoom/42'); // back to 42: its task is mounted, not yet active
    const a = customAdapter({ id: 'z', name: 'Z', matches: ['https://support.acme.test/*'], ticketUrlPattern: '', preset: 'zammad' });
    expect(a.read(document, urlAt('support.acme.test'))).toMatchObject({ ticketId: '42', subject: 'Refund for order #1042 still missing', customer: { name: 'Maria Garcia' } });
    expect(a.editor(document)?.id).toBe('editor-42');
  });
});

describe('the Jira preset waits for the issue the URL names', () => {
  it('reports the pane missing until the breadcrumb names the new issue, instead of the old issue under the new key', async () => {
    await loadDeskFixture('jira', 'SD-42');
    const a = customAdapter({ id: 'j', name: 'J', matches: ['https://jira.acme.test/*'], ticketUrlPattern: PRESETS.jira.ticketUrlPattern, preset: 'jira' });
    history.pushState({}, '', '/browse/SD-43'); // the SPA has not re-rendered yet
    expect(a.read(document, urlAt('jira.acme.test'))).toMatchObject({ ticketId: 'SD-43', missing: ['pane'] });
    history.pushState({}, '', '/browse/SD-42');
    expect(a.read(document, urlAt('jira.acme.test'))).toMatchObject({ ticketId: 'SD-42', subject: 'Refund for order #1042 still missing' });
  });
});

describe('validation of desk presets', () => {
  it('keeps a known preset on the validated desk', () => {
    const r = validatePack({ ...base, desks: [desk({ preset: 'zammad' })] });
    expect(r.ok && (r.pack.desks?.[0] as CustomDeskDefinition | undefined)?.preset).toBe('zammad');
  });

  it('names the nearest preset for a typo and lists them all by name', () => {
    const r = validatePack({ ...base, desks: [desk({ preset: 'zamad' })] });
    expect(r.ok).toBe(false);
    if (r.ok) return;
    expect(r.errors).toHaveLength(1);
    expect(r.errors[0]!.path).toBe('/desks/0/preset');
    expect(r.errors[0]!.message).toContain('Unknown desk preset "zamad". Did you mean "zammad"?');
    expect(r.errors[0]!.message).toContain('"jira" (Jira Service Management)');
  });

  it('gives no made-up hint for something far from every preset, nor for a blank one', () => {
    for (const preset of ['servicenow', '']) {
      const r = validatePack({ ...base, desks: [desk({ preset })] });
      if (r.ok) throw new Error('expected an error');
      expect(r.errors[0]!.message).not.toContain('Did you mean');
      expect(r.errors[0]!.message).toContain('"osticket" (osTicket)');
    }
  });

  it('refuses a preset that is not text', () => {
    const r = validatePack({ ...base, desks: [desk({ preset: 3 })] });
    if (r.ok) throw new Error('expected an error');
    expect(r.errors[0]!.message).toMatch(/^"preset" must be text naming a preset, not a number/);
  });

  it('the options form says the same thing (it checks with the pack rules)', () => {
    expect(checkDesk(desk({ preset: 'freshscout' }) as CustomDeskDefinition).join(' ')).toContain('Did you mean "freescout"?');
  });

  it('pack.schema.json lists the same presets', () => {
    const schema = JSON.parse(readFileSync(resolve('public/packs/pack.schema.json'), 'utf8'));
    expect(schema.$defs.desk.properties.preset.enum).toEqual(DESK_PRESET_IDS);
  });
});

describe('the custom desks\' content script chooses its adapter', () => {
  const zammad = { id: 'acme-zammad', name: 'ACME Zammad', matches: ['https://support.acme.test/*'], ticketUrlPattern: '#ticket/zoom/(\\d+)', preset: 'zammad' };
  const here = `${location.protocol}//${location.hostname}/*`; // jsdom's page

  /** Runs src/content/custom.ts on this page as Chrome would, with the manifest's content scripts on
   *  `builtInHosts`: whether it claimed the page, and whether it read the stored custom desks. */
  async function runCustomScript(builtInHosts: string[], stored: unknown) {
    const read = vi.fn(async () => ({ customDesks: stored }));
    const manifest = { content_scripts: [{ matches: builtInHosts, js: ['content.js'] }] };
    vi.stubGlobal('chrome', { runtime: { getManifest: () => manifest, id: 'x', onMessage: { addListener() {} }, sendMessage: async () => undefined }, storage: { local: { get: read } } });
    vi.resetModules();
    await import('../../src/content/custom');
    await new Promise((r) => setTimeout(r, 0));
    const claimed = !!(globalThis as { __personFirst?: true }).__personFirst;
    vi.unstubAllGlobals();
    return { claimed, read: read.mock.calls.length > 0 };
  }
  afterEach(() => delete (globalThis as { __personFirst?: true }).__personFirst);

  it('leaves the built-in desks\' hosts to the built-in script, without reading custom desks', async () => {
    expect(await runCustomScript(['https://*.zendesk.com/*', here], [{ ...zammad, matches: [here] }])).toEqual({ claimed: false, read: false });
  });

  it('claims a page no built-in desk covers and reads the custom desks there', async () => {
    // A stored desk for another host: the script reads, finds none for this page, and starts nothing.
    expect(await runCustomScript(['https://*.zendesk.com/*'], [zammad])).toEqual({ claimed: true, read: true });
  });

  it('picks the stored custom desk whose patterns cover the page', () => {
    const other = { ...zammad, id: 'other', matches: ['https://other.acme.test/*'] };
    const a = customAdapterFor(new URL('https://support.acme.test/#ticket/zoom/7'), [other, zammad]);
    expect(a?.id).toBe('acme-zammad');
    expect(a?.ticketIdFrom(new URL('https://support.acme.test/#ticket/zoom/7'))).toBe('7');
    expect(customAdapterFor(new URL('https://unknown.test/#ticket/zoom/7'), [other, zammad])).toBeNull();
  });

  it('skips whatever in storage is not a desk definition', () => {
    for (const stored of [undefined, null, 'x', {}, [null, 1, { id: 'a' }, { id: 'b', matches: 'https://support.acme.test/*' }]]) {
      expect(customAdapterFor(new URL('https://support.acme.test/#ticket/zoom/7'), stored)).toBeNull();
    }
    expect(customAdapterFor(new URL('https://support.acme.test/'), [{ id: 'a', matches: [5, 'https://support.acme.test/*'] }])?.id).toBe('a');
  });

  it('match patterns with a port match that port only; without one, any port', () => {
    expect(matchesPattern('http://localhost:8080/*', new URL('http://localhost:8080/t/1'))).toBe(true);
    expect(matchesPattern('http://localhost:8080/*', new URL('http://localhost:9090/t/1'))).toBe(false);
    expect(matchesPattern('http://localhost/*', new URL('http://localhost:9090/t/1'))).toBe(true);
    expect(matchesPattern('https://desk.acme.test:443/*', new URL('https://desk.acme.test/t/1'))).toBe(true);
  });
});

describe('options: the preset picker', () => {
  it('fills the URL pattern, the name and every selector from the preset', () => {
    const d = applyPreset({ ...EMPTY_DRAFT, pattern: 'https://support.acme.test/*' }, 'zammad');
    expect(d).toMatchObject({ preset: 'zammad', name: 'Zammad', pattern: 'https://support.acme.test/*', regex: PRESETS.zammad.ticketUrlPattern });
    expect(d.selectors.editor).toBe('.articleNewEdit-body');
    expect(d.selectors.customerEmail).toBe(''); // Zammad's preset names none
  });

  it('switching presets replaces what the last preset filled and keeps what the lead typed', () => {
    const zammad = applyPreset(EMPTY_DRAFT, 'zammad');
    const edited = { ...zammad, name: 'ACME support', selectors: { ...zammad.selectors, subject: '.my-title' } };
    const fs = applyPreset(edited, 'freescout');
    expect(fs).toMatchObject({ preset: 'freescout', name: 'ACME support', regex: PRESETS.freescout.ticketUrlPattern });
    expect(fs.selectors.subject).toBe('.my-title');
    expect(fs.selectors.editor).toBe('.note-editable');
    expect(applyPreset(fs, '')).toMatchObject({ preset: '', regex: '', selectors: { editor: '', subject: '.my-title' } });
  });

  it('stores only the selectors that differ from the preset, so preset fixes reach the desk', () => {
    const d = applyPreset({ ...EMPTY_DRAFT, name: 'ACME support', pattern: 'https://support.acme.test/*' }, 'zammad');
    expect(draftToDefinition(d)).toEqual({ id: 'acme-support', name: 'ACME support', matches: ['https://support.acme.test/*'], ticketUrlPattern: PRESETS.zammad.ticketUrlPattern, preset: 'zammad' });
    const own = draftToDefinition({ ...d, selectors: { ...d.selectors, subject: '.x' } });
    expect(own.selectors).toEqual({ subject: '.x' });
    expect(checkDesk(own)).toEqual([]);
  });
});

describe('options: desks shipped in phrase packs', () => {
  let installed: InstalledPack[];
  const pack = (id: string, desks: CustomDeskDefinition[], disabled = false): InstalledPack =>
    ({ pack: { schema: 1, id, name: `Pack ${id}`, version: '1.0.0', locale: 'en', phrases: [], desks } as Pack, source: 'imported', disabled, installedAt: 0, updatedAt: 0 });
  const d = (id: string) => ({ id, name: id, matches: [`https://${id}.test/*`], ticketUrlPattern: '/t/(\\d+)' });
  beforeEach(() => {
    installed = [pack('a', [d('one'), d('two')]), pack('b', [d('three')], true)];
  });

  it('offers the desks of enabled packs that are not added yet', () => {
    expect(packDesks(installed, [d('two')]).map((o) => [o.packName, o.desk.id])).toEqual([['Pack a', 'one']]);
  });
});

describe('pack desks and site access (F2, F16)', () => {
  it('lists every site, the ticket pattern and every selector (the preset’s too) before Add', () => {
    const lines = deskRequestLines({ id: 'x', name: 'X', matches: ['https://support.acme.test/*', 'https://help.acme.test/*'], ticketUrlPattern: '', preset: 'zammad', selectors: { subject: '#sneaky' } });
    const text = lines.join('\n');
    expect(text).toContain('https://support.acme.test/*, https://help.acme.test/*');
    expect(text).toContain(PRESETS.zammad.ticketUrlPattern);
    expect(text).toContain('Subject: #sneaky');
    for (const [k, v] of Object.entries(PRESETS.zammad.selectors)) if (k !== 'subject' && v) expect(text, k).toContain(v);
  });

  it('gives back only the sites no other desk still needs', () => {
    const a: CustomDeskDefinition = { id: 'a', name: 'A', matches: ['https://desk.acme.test/*', 'https://solo.acme.test/*'], ticketUrlPattern: '/t/(\\d+)' };
    const b: CustomDeskDefinition = { id: 'b', name: 'B', matches: ['https://desk.acme.test/other/*'], ticketUrlPattern: '/t/(\\d+)' };
    const wild: CustomDeskDefinition = { id: 'w', name: 'W', matches: ['https://*.solo.acme.test/*'], ticketUrlPattern: '/t/(\\d+)' };
    expect(originsToRevoke(a, [a, b])).toEqual(['https://solo.acme.test/*']);
    expect(originsToRevoke(a, [b, wild])).toEqual([]);
    expect(originsToRevoke(a, [])).toEqual(a.matches);
  });
});
