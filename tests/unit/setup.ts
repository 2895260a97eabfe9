// Every unit test gets a fresh, real (in-memory) IndexedDB implementation.
import 'fake-indexeddb/auto';

// jsdom has no chrome.i18n: UI text comes from the English messages, formatted as Chrome would.
import en from '../../public/_locales/en/messages.json';
import { formatMessage, setFallbackMessages } from '../../src/i18n';

setFallbackMessages((key, substitutions) => formatMessage(en, key, substitutions));
