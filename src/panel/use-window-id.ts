import { useEffect, useState } from 'preact/hooks';
import { boot } from './boot';

/** The browser window this panel belongs to (the side panel's, or the tab's when opened as a tab). */
export function useWindowId(): number | null {
  const [id, setId] = useState<number | null>(boot?.windowId.value ?? null);
  useEffect(() => {
    const read = boot?.windowId.promise ?? chrome.windows.getCurrent().then((w) => w.id ?? null);
    read.then(setId, () => setId(null));
  }, []);
  return id;
}
