// The built-in packs: one per language, each written for that language's customer-service register
// (public/packs/default.<locale>.json). English is the original and the fallback; its id predates
// the others and stays, so usage counts and policies that name it keep working.

export interface DefaultPackFile {
  locale: string;
  id: string;
  /** Inside the extension (public/ is its root). */
  path: string;
}

export const DEFAULT_PACKS: readonly DefaultPackFile[] = [
  { locale: 'en', id: 'person-first-default', path: 'packs/default.en.json' },
  { locale: 'de', id: 'person-first-default-de', path: 'packs/default.de.json' },
  { locale: 'es', id: 'person-first-default-es', path: 'packs/default.es.json' },
  { locale: 'fr', id: 'person-first-default-fr', path: 'packs/default.fr.json' },
  { locale: 'pt-BR', id: 'person-first-default-pt-br', path: 'packs/default.pt-BR.json' },
];

export const DEFAULT_PACK_IDS: readonly string[] = DEFAULT_PACKS.map((p) => p.id);
