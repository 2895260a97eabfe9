import { useEffect, useState } from 'preact/hooks';

/** The browser window this panel belongs to (the side panel's, or the tab's when opened as a tab). */
export function useWindowId(): number | null {
  const [id, setId] = useState<number | null>(null);
  useEffect(() => {
    chrome.windows.getCurrent().then((w) => setId(w.id ?? null), () => setId(null));
  }, []);
  return id;
}
