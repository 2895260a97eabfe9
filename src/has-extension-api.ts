// Some modules also run in unit tests (jsdom), where `chrome` does not exist: they ask here first
// and quietly do nothing without it.

export function hasExtensionApi(): boolean {
  return typeof chrome !== 'undefined' && typeof chrome.runtime?.id === 'string' && !!chrome.storage?.local;
}
