import { useEffect, useState } from 'preact/hooks';
import { DEFAULT_SETTINGS, onSettingsChanged, readSettings, type Settings } from '../settings';
import { boot } from './boot';

/** The agent's settings, live: a change in the options page shows in every open panel. */
export function useSettings(): Settings {
  const first = boot?.settings.known ? boot.settings.value : boot?.storedSettings.known ? boot.storedSettings.value : undefined;
  const [settings, setSettings] = useState<Settings>(first ?? DEFAULT_SETTINGS);
  useEffect(() => {
    // The first read can be slow (it also asks managed storage): a change that arrives before it
    // answers is newer, and the read's older answer must not replace it.
    let changed = false;
    void (boot?.settings.latest() ?? readSettings()).then((s) => !changed && setSettings(s), () => undefined);
    return onSettingsChanged((s) => {
      changed = true;
      setSettings(s);
    });
  }, []);
  return settings;
}
