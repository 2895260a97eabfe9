// The agent's preferences, in chrome.storage.sync so they follow the agent between machines.
// Policy (chrome.storage.managed) can pre-fill the agent name and forbid personal phrases.

export interface Settings {
  agentName: string;
  /** Delete notes not edited for this many days; null keeps them forever. */
  retentionDays: number | null;
  /** Draft tips the agent turned off everywhere. */
  disabledTips: string[];
  /** Offer a "check in when there is no problem" reminder after a solved ticket. */
  checkInAfterSolve: boolean;
  /** Waiting cue threshold for chat, in seconds. */
  waitingSeconds: number;
  /** Offer the one-line reset before each new ticket (off by default: it costs a click per ticket). */
  resetCard: boolean;
}

export const DEFAULT_SETTINGS: Settings = {
  agentName: '',
  retentionDays: null,
  disabledTips: [],
  checkInAfterSolve: true,
  waitingSeconds: 60,
  resetCard: false,
};

/** The shortest waiting threshold the options page accepts, in seconds. */
export const MIN_WAITING_SECONDS = 10;

const KEY = 'settings';

/** Keeps only well-typed values: a hand-edited or older stored object never breaks the panel. */
export function normalizeSettings(raw: unknown): Settings {
  const r = (typeof raw === 'object' && raw !== null ? raw : {}) as Record<string, unknown>;
  const days = r.retentionDays;
  return {
    agentName: typeof r.agentName === 'string' ? r.agentName.slice(0, 80) : DEFAULT_SETTINGS.agentName,
    retentionDays: typeof days === 'number' && Number.isInteger(days) && days > 0 ? days : null,
    disabledTips: Array.isArray(r.disabledTips) ? r.disabledTips.filter((t): t is string => typeof t === 'string') : [],
    checkInAfterSolve: typeof r.checkInAfterSolve === 'boolean' ? r.checkInAfterSolve : DEFAULT_SETTINGS.checkInAfterSolve,
    resetCard: typeof r.resetCard === 'boolean' ? r.resetCard : DEFAULT_SETTINGS.resetCard,
    waitingSeconds: typeof r.waitingSeconds === 'number' && r.waitingSeconds >= MIN_WAITING_SECONDS ? r.waitingSeconds : DEFAULT_SETTINGS.waitingSeconds,
  };
}

/** The agent's own settings, without the policy's name hint (managed storage can answer slowly). */
export async function readStoredSettings(): Promise<Settings> {
  return normalizeSettings((await chrome.storage.sync.get(KEY))[KEY]);
}

export async function readSettings(stored?: Promise<Settings>): Promise<Settings> {
  const settings = { ...(await (stored ?? readStoredSettings())) };
  if (!settings.agentName) {
    const managed = await chrome.storage.managed.get('agentNameHint').catch(() => ({}) as Record<string, unknown>);
    if (typeof managed.agentNameHint === 'string') settings.agentName = managed.agentNameHint;
  }
  return settings;
}

export async function writeSettings(patch: Partial<Settings>): Promise<Settings> {
  const next = normalizeSettings({ ...(await readSettings()), ...patch });
  await chrome.storage.sync.set({ [KEY]: next });
  return next;
}

export function onSettingsChanged(listener: (s: Settings) => void): () => void {
  const fn = (changes: Record<string, chrome.storage.StorageChange>, area: string) => {
    if (area === 'sync' && KEY in changes) listener(normalizeSettings(changes[KEY]!.newValue));
  };
  chrome.storage.onChanged.addListener(fn);
  return () => chrome.storage.onChanged.removeListener(fn);
}
