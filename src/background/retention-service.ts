// Carries out "delete notes not edited for N days": daily by chrome.alarms, and at once when the
// agent confirms the setting in the options page.
import { sharedDb } from '../storage/db';
import { applyRetention } from '../storage/retention';
import { readSettings } from '../settings';

const ALARM = 'notes-retention';

export async function runRetention(now = Date.now()): Promise<number> {
  const { retentionDays } = await readSettings();
  if (retentionDays === null) return 0;
  return applyRetention(sharedDb, retentionDays, now);
}

export function startRetentionService(): void {
  const arm = () => void chrome.alarms.create(ALARM, { periodInMinutes: 24 * 60, delayInMinutes: 5 });
  chrome.runtime.onInstalled.addListener(arm);
  chrome.runtime.onStartup.addListener(arm);
  chrome.alarms.onAlarm.addListener((alarm) => {
    if (alarm.name === ALARM) void runRetention().catch((err) => console.warn('[Person First] retention', err));
  });
}
