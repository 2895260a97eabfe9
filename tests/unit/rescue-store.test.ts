// Rescue copies of unsaved note text live where content scripts cannot read them (security review).
import { afterEach, describe, expect, it, vi } from 'vitest';
import { clearRescue, getRescue, LEGACY_RESCUE_PREFIX, putRescue } from '../../src/storage/rescue-store';

/** chrome.storage areas as plain maps: enough to see where a rescue is written. */
function fakeChrome() {
  const area = () => {
    const data = new Map<string, unknown>();
    return {
      data,
      get: async (key: string) => (data.has(key) ? { [key]: data.get(key) } : {}),
      set: async (items: Record<string, unknown>) => void Object.entries(items).forEach(([k, v]) => data.set(k, v)),
      remove: async (key: string) => void data.delete(key),
    };
  };
  const storage = { local: area(), session: area() };
  vi.stubGlobal('chrome', { storage });
  return storage;
}

afterEach(() => vi.unstubAllGlobals());

describe('rescue copies', () => {
  it('are kept in the extension’s own IndexedDB, never in storage.local', async () => {
    const storage = fakeChrome();
    await putRescue('zendesk:acme:1', 'Half a sentence', 100);
    expect(await getRescue('zendesk:acme:1')).toEqual({ text: 'Half a sentence', at: 100 });
    expect(storage.local.data.size).toBe(0);
    expect(storage.session.data.size).toBe(0);
    await clearRescue('zendesk:acme:1');
    expect(await getRescue('zendesk:acme:1')).toBeUndefined();
  });

  it('move a copy an older version left in storage.local out of it', async () => {
    const storage = fakeChrome();
    storage.local.data.set(`${LEGACY_RESCUE_PREFIX}zendesk:acme:2`, { text: 'Old rescue', at: 50 });
    expect(await getRescue('zendesk:acme:2')).toEqual({ text: 'Old rescue', at: 50 });
    expect(storage.local.data.size).toBe(0);
    // Still there for the panel to offer, now out of content scripts' reach.
    expect(await getRescue('zendesk:acme:2')).toEqual({ text: 'Old rescue', at: 50 });
  });
});
