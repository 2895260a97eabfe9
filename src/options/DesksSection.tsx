import { useEffect, useState } from 'preact/hooks';
import { validatePack, formatPackError } from '../core/pack/validate';
import { DESK_PRESET_IDS, type CustomDeskDefinition, type CustomDeskSelectors } from '../core/pack/types';
import { DESKS } from '../desks';
import { presetOf, PRESETS } from '../desks/presets';
import { CUSTOM_DESKS_KEY, readCustomDesks } from '../desks/storage-keys';
import { onInstalledChanged, readInstalled } from '../packs/store';
import type { InstalledPack } from '../packs/install';
import { DeskHealth } from './DeskHealth';

const SELECTOR_FIELDS: [keyof CustomDeskSelectors, string][] = [
  ['active', 'Active ticket container (optional; {id} stands for the ticket id)'],
  ['subject', 'Subject'],
  ['customerName', 'Customer name'],
  ['customerEmail', 'Customer email'],
  ['messages', 'Each message'],
  ['customerMessage', 'Each customer message'],
  ['editor', 'Reply editor'],
];

/** Checks a desk definition with the same rules as a pack's desks, so both say the same things. */
export function checkDesk(def: CustomDeskDefinition): string[] {
  const result = validatePack({ schema: 1, id: 'custom-desks', name: 'Custom desks', version: '1.0.0', locale: 'en', phrases: [], desks: [def] });
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

/** Desks shipped in enabled phrase packs and not added yet: offered, never switched on without the lead. */
export function packDesks(installed: readonly InstalledPack[], added: readonly CustomDeskDefinition[]): { packName: string; desk: CustomDeskDefinition }[] {
  return installed.flatMap((p) => (p.disabled ? [] : (p.pack.desks ?? []).filter((d) => !added.some((a) => a.id === d.id)).map((desk) => ({ packName: p.pack.name, desk }))));
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
      setMessage({ text: `Person First needs access to ${def.matches[0]} to read tickets there; the desk was not added.`, error: true });
      return false;
    }
    const next = [...(await readCustomDesks()).filter((d) => d.id !== def.id), def];
    await chrome.storage.local.set({ [CUSTOM_DESKS_KEY]: next });
    setMessage({ text: `Added ${def.name}. Reload its tabs to start.` });
    return true;
  };

  const submit = async (e: Event) => {
    e.preventDefault();
    if (await addDesk(draftToDefinition(draft))) setDraft(EMPTY_DRAFT);
  };

  const remove = async (def: CustomDeskDefinition) => {
    await chrome.storage.local.set({ [CUSTOM_DESKS_KEY]: custom.filter((d) => d.id !== def.id) });
    await chrome.permissions.remove({ origins: def.matches }).catch(() => false);
    setMessage({ text: `Removed ${def.name} and its site access.` });
  };

  const offered = packDesks(installed, custom);
  const setSelector = (k: keyof CustomDeskSelectors, value: string) => setDraft({ ...draft, selectors: { ...draft.selectors, [k]: value } });

  return (
    <section aria-labelledby="desks-title" class="card">
      <h2 id="desks-title">Help desks</h2>
      <table class="list" aria-label="Built-in desks">
        <thead><tr><th>Desk</th><th>Pages</th></tr></thead>
        <tbody>{DESKS.map((d) => <tr key={d.id}><td>{d.name}</td><td>{d.matches.join(', ')}</td></tr>)}</tbody>
      </table>
      <DeskHealth names={new Map([...DESKS, ...custom].map((d) => [d.id, d.name]))} />
      <h3>Your own desks</h3>
      {custom.length === 0 ? <p class="muted">None yet. Add your company's tool or a self-hosted desk below.</p> : (
        <table class="list" aria-label="Custom desks">
          <thead><tr><th>Desk</th><th>Pages</th><th /></tr></thead>
          <tbody>
            {custom.map((d) => (
              <tr key={d.id}>
                <td>{d.name}{d.preset && presetOf(d.preset) ? ` (${presetOf(d.preset)!.name})` : ''}</td>
                <td>{d.matches.join(', ')}</td>
                <td><button type="button" onClick={() => void remove(d)}>Remove {d.name}</button></td>
              </tr>
            ))}
          </tbody>
        </table>
      )}
      {offered.length > 0 && (
        <table class="list" aria-label="Desks from your phrase packs">
          <thead><tr><th>Desk</th><th>Pages</th><th>Pack</th><th /></tr></thead>
          <tbody>
            {offered.map(({ packName, desk }) => (
              <tr key={desk.id}>
                <td>{desk.name}</td>
                <td>{desk.matches.join(', ')}</td>
                <td>{packName}</td>
                <td><button type="button" onClick={() => void addDesk(desk)}>Add {desk.name}</button></td>
              </tr>
            ))}
          </tbody>
        </table>
      )}
      <form class="card" aria-label="Add a custom desk" onSubmit={(e) => void submit(e)}>
        <label class="field">Preset (fills the fields below for a self-hosted desk)
          <select value={draft.preset} onChange={(e) => setDraft(applyPreset(draft, (e.currentTarget as HTMLSelectElement).value))}>
            <option value="">None: I will name the selectors</option>
            {DESK_PRESET_IDS.map((id) => <option key={id} value={id}>{PRESETS[id].name}</option>)}
          </select>
        </label>
        <label class="field">Name<input required value={draft.name} onInput={(e) => setDraft({ ...draft, name: (e.currentTarget as HTMLInputElement).value })} /></label>
        <label class="field">Pages (match pattern, e.g. https://desk.example.com/*)<input required value={draft.pattern} placeholder="https://desk.example.com/*" onInput={(e) => setDraft({ ...draft, pattern: (e.currentTarget as HTMLInputElement).value })} /></label>
        <label class="field">Ticket URL pattern (a regular expression with one group for the ticket id)<input required value={draft.regex} placeholder="/tickets/(\d+)" onInput={(e) => setDraft({ ...draft, regex: (e.currentTarget as HTMLInputElement).value })} /></label>
        {SELECTOR_FIELDS.map(([k, label]) => (
          <label class="field" key={k}>
            {label} (CSS selector)
            <input value={draft.selectors[k] ?? ''} onInput={(e) => setSelector(k, (e.currentTarget as HTMLInputElement).value)} />
          </label>
        ))}
        <div class="row"><button type="submit">Add desk</button></div>
      </form>
      {message && <p role="status" class={`notice${message.error ? ' error' : ''}`}>{message.text}</p>}
    </section>
  );
}
