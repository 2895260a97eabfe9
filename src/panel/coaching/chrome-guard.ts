// The coaching components also render in unit tests (jsdom), where `chrome` does not exist:
// every chrome call goes through here and quietly does nothing without it.

export function hasChrome(): boolean {
  return typeof chrome !== 'undefined' && typeof chrome.runtime?.id === 'string';
}
