import { describe, expect, it } from 'vitest';
import { DEFAULT_SETTINGS, normalizeSettings } from '../../src/settings';
import { waitingSecondsProblem } from '../../src/options/SettingsSection';

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
  it('keeps the reset card off unless the agent turned it on', () => {
    expect(DEFAULT_SETTINGS.resetCard).toBe(false);
    expect(normalizeSettings({ resetCard: true }).resetCard).toBe(true);
    expect(normalizeSettings({ resetCard: 'yes' }).resetCard).toBe(false);
  });
});

describe('waiting time in options', () => {
  it('explains a value it refuses instead of snapping it back', () => {
    expect(waitingSecondsProblem('-5')).toMatch(/10 seconds or more.*Not saved/);
    expect(waitingSecondsProblem('5')).toMatch(/10 seconds or more/);
    expect(waitingSecondsProblem('')).toBe('Enter a number of seconds.');
    expect(waitingSecondsProblem('1.5')).toMatch(/not a whole number/);
    expect(waitingSecondsProblem('abc')).toMatch(/not a whole number/);
    expect(waitingSecondsProblem('90000')).toMatch(/at most 3600/);
  });
  it('accepts whole seconds from 10 to an hour', () => {
    for (const v of ['10', '60', ' 120 ', '3600']) expect(waitingSecondsProblem(v)).toBeNull();
  });
});
