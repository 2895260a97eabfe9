/** Semantic Versioning 2.0.0: just enough to validate pack versions and pick the newer one. */

/** MAJOR, MINOR and PATCH have at most 15 digits: every such number is exact in JavaScript (2^53 has 16),
 *  and the pack schema's pattern (this one) says so too, so it refuses the same versions as the validator. */
const SEMVER =
  /^(0|[1-9]\d{0,14})\.(0|[1-9]\d{0,14})\.(0|[1-9]\d{0,14})(?:-((?:0|[1-9]\d*|\d*[a-zA-Z-][0-9a-zA-Z-]*)(?:\.(?:0|[1-9]\d*|\d*[a-zA-Z-][0-9a-zA-Z-]*))*))?(?:\+([0-9a-zA-Z-]+(?:\.[0-9a-zA-Z-]+)*))?$/;

/** The same rule as a JSON Schema "pattern" can use. */
export const SEMVER_PATTERN = SEMVER.source;

export interface SemVer {
  major: number;
  minor: number;
  patch: number;
  prerelease: string[];
}

export function parseSemver(version: string): SemVer | null {
  const m = SEMVER.exec(version);
  if (!m) return null;
  const major = Number(m[1]);
  const minor = Number(m[2]);
  const patch = Number(m[3]);
  if (![major, minor, patch].every(Number.isSafeInteger)) return null;
  return { major, minor, patch, prerelease: m[4] ? m[4].split('.') : [] };
}

export function isSemver(version: string): boolean {
  return parseSemver(version) !== null;
}

function compareIdentifiers(a: string, b: string): number {
  const an = /^\d+$/.test(a);
  const bn = /^\d+$/.test(b);
  if (an && bn) return Math.sign(Number(a) - Number(b));
  if (an) return -1; // numeric identifiers sort before alphanumeric ones
  if (bn) return 1;
  return a < b ? -1 : a > b ? 1 : 0;
}

/**
 * -1 when a < b, 0 when equal in precedence (build metadata ignored), 1 when a > b.
 * Invalid versions sort below every valid one, so a broken version never wins.
 */
export function compareSemver(a: string, b: string): -1 | 0 | 1 {
  const x = parseSemver(a);
  const y = parseSemver(b);
  if (!x || !y) return x ? 1 : y ? -1 : 0;
  const core = Math.sign(x.major - y.major) || Math.sign(x.minor - y.minor) || Math.sign(x.patch - y.patch);
  if (core) return core as -1 | 1;
  // A pre-release is lower than the release it precedes.
  if (!x.prerelease.length || !y.prerelease.length) {
    return x.prerelease.length === y.prerelease.length ? 0 : x.prerelease.length ? -1 : 1;
  }
  const len = Math.max(x.prerelease.length, y.prerelease.length);
  for (let k = 0; k < len; k++) {
    const p = x.prerelease[k];
    const q = y.prerelease[k];
    if (p === undefined) return -1;
    if (q === undefined) return 1;
    const c = compareIdentifiers(p, q);
    if (c) return c as -1 | 1;
  }
  return 0;
}
