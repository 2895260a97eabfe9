import { describe, expect, it } from 'vitest';
import { DEFAULT_SETTINGS, normalizeSettings } from '../../src/settings';

describe('settings', () => {
  it('fills defaults for a missing or malformed stored object', () => {
    expect(normalizeSettings(undefined)).toEqual(DEFAULT_SETTINGS);
    expect(normalizeSettings('nonsense')).toEqual(DEFAULT_SETTINGS);
  });
  it('keeps valid values and drops wrongly typed ones', () => {
    const s = normalizeSettings({ agentName: 'Sam', retentionDays: 30, disabledTips: ['caps', 3], checkInAfterSolve: 'yes', waitingSeconds: 2 });
    expect(s).toEqual({ ...DEFAULT_SETTINGS, agentName: 'Sam', retentionDays: 30, disabledTips: ['caps'] });
  });
  it('treats zero, negative or fractional retention as keep forever', () => {
    for (const d of [0, -5, 1.5, '30']) expect(normalizeSettings({ retentionDays: d }).retentionDays).toBeNull();
  });
});
