import { useEffect, useState } from 'preact/hooks';
import { DEFAULT_SETTINGS, onSettingsChanged, readSettings, type Settings } from '../settings';

/** The agent's settings, live: a change in the options page shows in every open panel. */
export function useSettings(): Settings {
  const [settings, setSettings] = useState<Settings>(DEFAULT_SETTINGS);
  useEffect(() => {
    void readSettings().then(setSettings, () => undefined);
    return onSettingsChanged(setSettings);
  }, []);
  return settings;
}
