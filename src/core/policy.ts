// Enterprise policy (chrome.storage.managed), checked value by value: a wrongly typed value is
// ignored with a message naming it, and the rest of the policy still applies.

export interface Policy {
  packUrls: string[];
  /** Inline packs, as JSON text (admin consoles store strings). */
  packs: string[];
  lockedPackIds: string[];
  allowPersonalPhrases: boolean;
  disableDefaultPack: boolean;
  agentNameHint?: string;
  problems: string[];
}

export const NO_POLICY: Policy = { packUrls: [], packs: [], lockedPackIds: [], allowPersonalPhrases: true, disableDefaultPack: false, problems: [] };

function strings(raw: Record<string, unknown>, key: string, problems: string[]): string[] {
  const v = raw[key];
  if (v === undefined) return [];
  if (Array.isArray(v) && v.every((x) => typeof x === 'string')) return v as string[];
  problems.push(`Policy "${key}" must be a list of strings; it was ignored.`);
  return [];
}

function flag(raw: Record<string, unknown>, key: string, fallback: boolean, problems: string[]): boolean {
  const v = raw[key];
  if (v === undefined) return fallback;
  if (typeof v === 'boolean') return v;
  problems.push(`Policy "${key}" must be true or false; it was ignored.`);
  return fallback;
}

export function normalizePolicy(raw: unknown): Policy {
  if (typeof raw !== 'object' || raw === null) return NO_POLICY;
  const r = raw as Record<string, unknown>;
  const problems: string[] = [];
  // Inline packs may arrive as objects (a JSON policy file) or strings (admin consoles).
  const inline = r.packs;
  let packs: string[] = [];
  if (Array.isArray(inline)) packs = inline.map((p) => (typeof p === 'string' ? p : JSON.stringify(p)));
  else if (inline !== undefined) problems.push('Policy "packs" must be a list of packs; it was ignored.');
  const hint = r.agentNameHint;
  if (hint !== undefined && typeof hint !== 'string') problems.push('Policy "agentNameHint" must be text; it was ignored.');
  return {
    packUrls: strings(r, 'packUrls', problems),
    packs,
    lockedPackIds: strings(r, 'lockedPackIds', problems),
    allowPersonalPhrases: flag(r, 'allowPersonalPhrases', true, problems),
    disableDefaultPack: flag(r, 'disableDefaultPack', false, problems),
    agentNameHint: typeof hint === 'string' && hint.trim() ? hint.trim() : undefined,
    problems,
  };
}
