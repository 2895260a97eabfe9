import { useEffect, useState } from 'preact/hooks';
import { DESK_NAMES } from '../desks/names';
import { CUSTOM_DESKS_KEY, readCustomDesks } from '../desks/storage-keys';

/** The name an agent knows a desk by: a built-in desk's own name, or the name a lead gave a custom desk. */
export function useDeskName(deskId: string | undefined): string {
  const builtIn = deskId && Object.hasOwn(DESK_NAMES, deskId) ? DESK_NAMES[deskId] : undefined;
  const [custom, setCustom] = useState<string | undefined>();
  useEffect(() => {
    setCustom(undefined);
    if (!deskId || builtIn) return;
    let live = true;
    const read = () =>
      void readCustomDesks().then((defs) => {
        const def = defs.find((d) => d?.id === deskId);
        if (live) setCustom(typeof def?.name === 'string' && def.name.trim() ? def.name : undefined);
      });
    const onChanged = (changes: Record<string, chrome.storage.StorageChange>, area: string) => {
      if (area === 'local' && CUSTOM_DESKS_KEY in changes) read();
    };
    read();
    chrome.storage.onChanged.addListener(onChanged);
    return () => {
      live = false;
      chrome.storage.onChanged.removeListener(onChanged);
    };
  }, [deskId, builtIn]);
  return builtIn ?? custom ?? deskId ?? '';
}
