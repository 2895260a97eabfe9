import { useEffect, useState } from 'preact/hooks';
import { validatePack, formatPackError, selectorProblem } from '../core/pack/validate';
import { DESK_PRESET_IDS, isDeskOverride, type CustomDeskDefinition, type CustomDeskSelectors } from '../core/pack/types';
import { DESKS } from '../desks';
import { customAdapter, mergedSelectors } from '../desks/custom';
import { presetOf, PRESETS } from '../desks/presets';
import { CUSTOM_DESKS_KEY, readCustomDesks } from '../desks/storage-keys';
import { onInstalledChanged, readInstalled } from '../packs/store';
import type { InstalledPack } from '../packs/install';
import { DeskFixes } from './DeskFixes';
import { DeskHealth } from './DeskHealth';
import { t, type MessageKey } from '../i18n';

const SELECTOR_FIELDS: [keyof CustomDeskSelectors, MessageKey][] = [
  ['active', 'selectorFieldActive'],
  ['subject', 'selectorFieldSubject'],
  ['customerName', 'selectorFieldCustomerName'],
  ['customerEmail', 'selectorFieldCustomerEmail'],
  ['messages', 'selectorFieldMessages'],
  ['customerMessage', 'selectorFieldCustomerMessage'],
  ['editor', 'selectorFieldEditor'],
];

/** Checks a desk definition with the same rules as a pack's desks, so both say the same things. */
export function checkDesk(def: CustomDeskDefinition): string[] {
  const result = validatePack({ schema: 1, id: 'custom-desks', name: 'Custom desks', version: '1.0.0', locale: 'en', phrases: [], desks: [def] }, { selectorProblem });
  return result.ok ? [] : result.errors.map((e) => formatPackError({ ...e, path: e.path.replace(/^\/desks\/0/, '') || '/' }));
}

export interface DeskDraft {
  name: string;
  pattern: string;
  regex: string;
  preset: string;
  selectors: CustomDeskSelectors;
}

export const EMPTY_DRAFT: DeskDraft = { name: '', pattern: '', regex: '', preset: '', selectors: {} };

/** Picking a preset fills the URL pattern and every selector with the preset's (still editable); fields the
 *  lead typed and that differ from the previous preset are kept. */
export function applyPreset(draft: DeskDraft, presetId: string): DeskDraft {
  const before = presetOf(draft.preset);
  const next = presetOf(presetId);
  const untouched = (value: string | undefined, old: string | undefined) => !value?.trim() || value === old;
  const selectors: CustomDeskSelectors = { ...draft.selectors };
  for (const [k] of SELECTOR_FIELDS) if (untouched(selectors[k], before?.selectors[k])) selectors[k] = next?.selectors[k] ?? '';
  return {
    ...draft,
    preset: next ? presetId : '',
    name: untouched(draft.name, before?.name) ? next?.name ?? '' : draft.name,
    regex: untouched(draft.regex, before?.ticketUrlPattern) ? next?.ticketUrlPattern ?? '' : draft.regex,
    selectors,
  };
}

const slug = (s: string) => s.toLowerCase().replace(/[^a-z0-9]+/g, '-').replace(/^-|-$/g, '') || 'desk';

/** The definition to store: only the selectors that differ from the preset, so a later fix to the preset
 *  reaches desks built on it. */
export function draftToDefinition(draft: DeskDraft): CustomDeskDefinition {
  const preset = presetOf(draft.preset);
  const selectors: CustomDeskSelectors = {};
  for (const [k] of SELECTOR_FIELDS) {
    const v = draft.selectors[k]?.trim();
    if (v && v !== preset?.selectors[k]) selectors[k] = v;
  }
  const def: CustomDeskDefinition = { id: slug(draft.name), name: draft.name.trim(), matches: [draft.pattern.trim()], ticketUrlPattern: draft.regex.trim() };
  if (preset) def.preset = draft.preset;
  if (Object.keys(selectors).length) def.selectors = selectors;
  return def;
}

/** The host of a match pattern ("*.acme.com", "desk.acme.com:8080" → without the port). */
const hostOfPattern = (pattern: string) => (/^[^:]+:\/\/([^/]*)/.exec(pattern)?.[1] ?? '').split(':')[0]!.toLowerCase();

/** Whether two pattern hosts can name the same site ("*.acme.com" covers "desk.acme.com"). */
function hostsOverlap(a: string, b: string): boolean {
  if (a === b || a === '*' || b === '*') return true;
  const covers = (wild: string, host: string) => wild.startsWith('*.') && (host === wild.slice(2) || host.endsWith(wild.slice(1)));
  return covers(a, b) || covers(b, a);
}

/** The removed desk's patterns that no remaining desk still needs: site access is shared by host,
 *  so a pattern is only given back when no other desk's pattern can reach the same site. */
export function originsToRevoke(removed: CustomDeskDefinition, remaining: readonly CustomDeskDefinition[]): string[] {
  const kept = remaining.filter((d) => d.id !== removed.id).flatMap((d) => d.matches.map(hostOfPattern));
  return removed.matches.filter((m) => !kept.some((host) => hostsOverlap(hostOfPattern(m), host)));
}

/** Everything a desk from a pack will read, shown before the lead adds it: sites, how the ticket id is
 *  found, and every selector (the preset's too). */
export function deskRequestLines(desk: CustomDeskDefinition): string[] {
  const preset = presetOf(desk.preset);
  const selectors = mergedSelectors(desk);
  return [
    t('deskReadsSites', desk.matches.join(', ')),
    t('deskReadsTicketId', desk.ticketUrlPattern || preset?.ticketUrlPattern || t('deskReadsNone')),
    ...(preset ? [t('deskReadsPreset', preset.name)] : []),
    ...SELECTOR_FIELDS.filter(([k]) => selectors[k]?.trim()).map(([k]) => t('deskReadsSelector', t(SELECTOR_NAMES[k]), selectors[k]!.trim())),
  ];
}

const SELECTOR_NAMES: Record<keyof CustomDeskSelectors, MessageKey> = {
  active: 'selectorNameActive',
  subject: 'selectorFieldSubject',
  customerName: 'selectorFieldCustomerName',
  customerEmail: 'selectorFieldCustomerEmail',
  messages: 'selectorNameMessages',
  customerMessage: 'selectorNameCustomerMessages',
  editor: 'selectorFieldEditor',
};

/** Desks shipped in enabled phrase packs and not added yet: offered, never switched on without the lead. */
export function packDesks(installed: readonly InstalledPack[], added: readonly CustomDeskDefinition[]): { packName: string; desk: CustomDeskDefinition }[] {
  return installed.flatMap((p) => (p.disabled ? [] : (p.pack.desks ?? []).filter((d): d is CustomDeskDefinition => !isDeskOverride(d) && !added.some((a) => a.id === d.id)).map((desk) => ({ packName: p.pack.name, desk }))));
}

/** Built-in desks, and the agent's own: a custom desk asks for its site only when it is added. */
export function DesksSection() {
  const [custom, setCustom] = useState<CustomDeskDefinition[]>([]);
  const [installed, setInstalled] = useState<InstalledPack[]>([]);
  const [draft, setDraft] = useState<DeskDraft>(EMPTY_DRAFT);
  const [message, setMessage] = useState<{ text: string; error?: boolean } | null>(null);

  useEffect(() => {
    void readCustomDesks().then(setCustom);
    void readInstalled().then(setInstalled);
    const offPacks = onInstalledChanged(setInstalled);
    const fn = (changes: Record<string, chrome.storage.StorageChange>, area: string) => {
      if (area === 'local' && CUSTOM_DESKS_KEY in changes) void readCustomDesks().then(setCustom);
    };
    chrome.storage.onChanged.addListener(fn);
    return () => {
      offPacks();
      chrome.storage.onChanged.removeListener(fn);
    };
  }, []);

  /** Called straight from a click or submit: the permission request must be the first await (a user gesture). */
  const addDesk = async (def: CustomDeskDefinition): Promise<boolean> => {
    const problems = checkDesk(def);
    if (problems.length) {
      setMessage({ text: problems.join(' '), error: true });
      return false;
    }
    // Asked at the moment the agent adds the desk, for exactly its site.
    const granted = await chrome.permissions.request({ origins: def.matches }).catch(() => false);
    if (!granted) {
      setMessage({ text: t('deskNeedsAccess', def.matches[0] ?? ''), error: true });
      return false;
    }
    const next = [...(await readCustomDesks()).filter((d) => d.id !== def.id), def];
    await chrome.storage.local.set({ [CUSTOM_DESKS_KEY]: next });
    setMessage({ text: t('deskAdded', def.name) });
    return true;
  };

  const submit = async (e: Event) => {
    e.preventDefault();
    if (await addDesk(draftToDefinition(draft))) setDraft(EMPTY_DRAFT);
  };

  const remove = async (def: CustomDeskDefinition) => {
    const remaining = custom.filter((d) => d.id !== def.id);
    await chrome.storage.local.set({ [CUSTOM_DESKS_KEY]: remaining });
    const revoke = originsToRevoke(def, remaining);
    if (revoke.length) await chrome.permissions.remove({ origins: revoke }).catch(() => false);
    setMessage({ text: revoke.length === def.matches.length ? t('deskRemoved', def.name) : t('deskRemovedKeptAccess', def.name) });
  };

  const offered = packDesks(installed, custom);
  const setSelector = (k: keyof CustomDeskSelectors, value: string) => setDraft({ ...draft, selectors: { ...draft.selectors, [k]: value } });

  return (
    <section aria-labelledby="desks-title" class="card" id="desks">
      <h3 id="desks-title">{t('desksTitle')}</h3>
      <table class="list" aria-label={t('desksBuiltIn')}>
        <thead><tr><th>{t('colDesk')}</th><th>{t('colPages')}</th></tr></thead>
        <tbody>{DESKS.map((d) => <tr key={d.id}><td>{d.name}</td><td class="url">{d.matches.join(', ')}</td></tr>)}</tbody>
      </table>
      <DeskHealth desks={new Map([...custom.map(customAdapter), ...DESKS].map((d) => [d.id, d]))} />
      <DeskFixes installed={installed} />
      <h4>{t('desksOwn')}</h4>
      {custom.length === 0 ? <p class="muted">{t('desksOwnNone')}</p> : (
        <table class="list" aria-label={t('desksCustom')}>
          <thead><tr><th>{t('colDesk')}</th><th>{t('colPages')}</th><th><span class="visually-hidden">{t('colActions')}</span></th></tr></thead>
          <tbody>
            {custom.map((d) => (
              <tr key={d.id}>
                <td>{d.name}{d.preset && presetOf(d.preset) ? ` (${presetOf(d.preset)!.name})` : ''}</td>
                <td class="url">{d.matches.join(', ')}</td>
                <td><button type="button" onClick={() => void remove(d)}>{t('deskRemove', d.name)}</button></td>
              </tr>
            ))}
          </tbody>
        </table>
      )}
      {offered.length > 0 && (
        <table class="list" aria-label={t('desksFromPacks')}>
          <thead><tr><th>{t('colDesk')}</th><th>{t('colWhatItReads')}</th><th>{t('colPack')}</th><th><span class="visually-hidden">{t('colActions')}</span></th></tr></thead>
          <tbody>
            {offered.map(({ packName, desk }) => (
              <tr key={desk.id}>
                <td>{desk.name}</td>
                <td>
                  <ul aria-label={t('deskWhatItReadsLabel', desk.name)}>
                    {deskRequestLines(desk).map((line) => <li key={line}>{line}</li>)}
                  </ul>
                </td>
                <td>{packName}</td>
                <td><button type="button" onClick={() => void addDesk(desk)}>{t('deskAdd', desk.name)}</button></td>
              </tr>
            ))}
          </tbody>
        </table>
      )}
      <form class="card" aria-label={t('deskAddCustom')} onSubmit={(e) => void submit(e)}>
        <label class="field">{t('deskPreset')}
          <select value={draft.preset} onChange={(e) => setDraft(applyPreset(draft, (e.currentTarget as HTMLSelectElement).value))}>
            <option value="">{t('deskPresetNone')}</option>
            {DESK_PRESET_IDS.map((id) => <option key={id} value={id}>{PRESETS[id].name}</option>)}
          </select>
        </label>
        <label class="field">{t('deskName')}<input required value={draft.name} onInput={(e) => setDraft({ ...draft, name: (e.currentTarget as HTMLInputElement).value })} /></label>
        <label class="field">{t('deskPages')}<input required value={draft.pattern} placeholder="https://desk.example.com/*" onInput={(e) => setDraft({ ...draft, pattern: (e.currentTarget as HTMLInputElement).value })} /></label>
        <label class="field">{t('deskTicketPattern')}<input required value={draft.regex} placeholder="/tickets/(\d+)" onInput={(e) => setDraft({ ...draft, regex: (e.currentTarget as HTMLInputElement).value })} /></label>
        {/* Selectors are for whoever knows the desk's markup; a preset fills them, so they stay folded. */}
        <details class="advanced">
          <summary>{t('deskAdvanced')}</summary>
          {SELECTOR_FIELDS.map(([k, label]) => (
            <label class="field" key={k}>
              {t('deskSelectorField', t(label))}
              <input value={draft.selectors[k] ?? ''} onInput={(e) => setSelector(k, (e.currentTarget as HTMLInputElement).value)} />
            </label>
          ))}
        </details>
        <div class="row"><button type="submit">{t('deskAddSubmit')}</button></div>
      </form>
      {message && <p role="status" class={`notice${message.error ? ' error' : ''}`}>{message.text}</p>}
    </section>
  );
}
