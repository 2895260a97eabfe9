import { DEFAULT_SETTINGS, type Settings } from '../../settings';
import { useSettings } from '../use-settings';
import { hasChrome } from './chrome-guard';

/**
 * The agent's live settings, or the defaults where there is no extension API (unit tests).
 * Whether chrome exists never changes while a page runs, so the hook order stays stable.
 */
export function useCoachingSettings(): Settings {
  return hasChrome() ? useSettings() : DEFAULT_SETTINGS;
}
