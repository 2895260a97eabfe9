import { useEffect, useState } from 'preact/hooks';
import { validatePack, formatPackError } from '../core/pack/validate';
import type { CustomDeskDefinition, CustomDeskSelectors } from '../core/pack/types';
import { DESKS } from '../desks';
import { CUSTOM_DESKS_KEY } from '../desks/storage-keys';

const SELECTOR_FIELDS: [keyof CustomDeskSelectors, string][] = [
  ['active', 'Active ticket container (optional)'],
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

async function readCustom(): Promise<CustomDeskDefinition[]> {
  const got = await chrome.storage.local.get(CUSTOM_DESKS_KEY);
  return Array.isArray(got[CUSTOM_DESKS_KEY]) ? (got[CUSTOM_DESKS_KEY] as CustomDeskDefinition[]) : [];
}

const slug = (s: string) => s.toLowerCase().replace(/[^a-z0-9]+/g, '-').replace(/^-|-$/g, '') || 'desk';

/** Built-in desks, and the agent's own: a custom desk asks for its site only when it is added. */
export function DesksSection() {
  const [custom, setCustom] = useState<CustomDeskDefinition[]>([]);
  const [draft, setDraft] = useState({ name: '', pattern: '', regex: '', selectors: {} as CustomDeskSelectors });
  const [message, setMessage] = useState<{ text: string; error?: boolean } | null>(null);

  useEffect(() => {
    void readCustom().then(setCustom);
    const fn = (changes: Record<string, chrome.storage.StorageChange>, area: string) => {
      if (area === 'local' && CUSTOM_DESKS_KEY in changes) void readCustom().then(setCustom);
    };
    chrome.storage.onChanged.addListener(fn);
    return () => chrome.storage.onChanged.removeListener(fn);
  }, []);

  const add = async (e: Event) => {
    e.preventDefault();
    const selectors = Object.fromEntries(Object.entries(draft.selectors).filter(([, v]) => v && v.trim())) as CustomDeskSelectors;
    const def: CustomDeskDefinition = { id: slug(draft.name), name: draft.name.trim(), matches: [draft.pattern.trim()], ticketUrlPattern: draft.regex.trim(), selectors };
    const problems = checkDesk(def);
    if (problems.length) return setMessage({ text: problems.join(' '), error: true });
    // Asked at the moment the agent adds the desk (a user gesture), for exactly its site.
    const granted = await chrome.permissions.request({ origins: def.matches }).catch(() => false);
    if (!granted) return setMessage({ text: `Person First needs access to ${def.matches[0]} to read tickets there; the desk was not added.`, error: true });
    const next = [...custom.filter((d) => d.id !== def.id), def];
    await chrome.storage.local.set({ [CUSTOM_DESKS_KEY]: next });
    setMessage({ text: `Added ${def.name}. Reload its tabs to start.` });
  };

  const remove = async (def: CustomDeskDefinition) => {
    await chrome.storage.local.set({ [CUSTOM_DESKS_KEY]: custom.filter((d) => d.id !== def.id) });
    await chrome.permissions.remove({ origins: def.matches }).catch(() => false);
    setMessage({ text: `Removed ${def.name} and its site access.` });
  };

  return (
    <section aria-labelledby="desks-title" class="card">
      <h2 id="desks-title">Help desks</h2>
      <table class="list" aria-label="Built-in desks">
        <thead><tr><th>Desk</th><th>Pages</th></tr></thead>
        <tbody>{DESKS.map((d) => <tr key={d.id}><td>{d.name}</td><td>{d.matches.join(', ')}</td></tr>)}</tbody>
      </table>
      <h3>Your own desks</h3>
      {custom.length === 0 ? <p class="muted">None yet. Add your company's tool or a self-hosted desk below.</p> : (
        <table class="list" aria-label="Custom desks">
          <thead><tr><th>Desk</th><th>Pages</th><th /></tr></thead>
          <tbody>
            {custom.map((d) => (
              <tr key={d.id}>
                <td>{d.name}</td>
                <td>{d.matches.join(', ')}</td>
                <td><button type="button" onClick={() => void remove(d)}>Remove {d.name}</button></td>
              </tr>
            ))}
          </tbody>
        </table>
      )}
      <form class="card" aria-label="Add a custom desk" onSubmit={(e) => void add(e)}>
        <label class="field">Name<input required value={draft.name} onInput={(e) => setDraft({ ...draft, name: (e.currentTarget as HTMLInputElement).value })} /></label>
        <label class="field">Pages (match pattern, e.g. https://desk.example.com/*)<input required value={draft.pattern} onInput={(e) => setDraft({ ...draft, pattern: (e.currentTarget as HTMLInputElement).value })} /></label>
        <label class="field">Ticket URL pattern (a regular expression with one group for the ticket id)<input required value={draft.regex} placeholder="/tickets/(\d+)" onInput={(e) => setDraft({ ...draft, regex: (e.currentTarget as HTMLInputElement).value })} /></label>
        {SELECTOR_FIELDS.map(([k, label]) => (
          <label class="field" key={k}>
            {label} (CSS selector)
            <input value={draft.selectors[k] ?? ''} onInput={(e) => setDraft({ ...draft, selectors: { ...draft.selectors, [k]: (e.currentTarget as HTMLInputElement).value } })} />
          </label>
        ))}
        <div class="row"><button type="submit">Add desk</button></div>
      </form>
      {message && <p role="status" class={`notice${message.error ? ' error' : ''}`}>{message.text}</p>}
    </section>
  );
}
