/**
 * The parts of public/packs/pack.schema.json that restate a rule of the validator: made here from the
 * validator's own constants, so the published schema cannot drift from it. `npm run packs -- schema
 * --update` writes them into the file; tests/unit/pack-schema.test.ts fails when the file is stale,
 * and tests/unit/pack-differential.test.ts runs both over thousands of generated packs.
 */
import { UNKNOWN_PLACEHOLDER_PATTERN } from '../placeholders';
import { SEMVER_PATTERN } from '../semver';
import { STEP_IDS } from '../steps';
import { cueSchemaDefs } from './cue-shape';
import { ALL_SITES_PATTERN, MAX_SCHEMA_URL, SPOOFING_CHARS } from './validate';

/** The schema's identity: a name, not an address (no one host serves it); a lead serves a copy beside the packs. */
export const PACK_SCHEMA_ID = 'urn:person-first:pack-schema:1';

type Json = Record<string, any>; // eslint-disable-line @typescript-eslint/no-explicit-any

/** Text shown as a name: something to read, and no invisible control or direction characters. */
const NAME_PATTERN = `^(?=[\\s\\S]*\\S)[^${SPOOFING_CHARS.source.slice(1, -1)}]*$`;
const OPTIONAL_NAME_PATTERN = `^[^${SPOOFING_CHARS.source.slice(1, -1)}]*$`;

/** A copy of `schema` with every derived part written from the validator's constants. */
export function withDerivedParts(schema: Json): Json {
  const s = structuredClone(schema) as Json;
  const out: Json = { $schema: s.$schema, $id: PACK_SCHEMA_ID, ...s };
  out.$id = PACK_SCHEMA_ID;
  const props = out.properties as Json;
  const defs = out.$defs as Json;
  props.$schema = {
    type: 'string',
    maxLength: MAX_SCHEMA_URL,
    description: 'Where editors find this schema: "./pack.schema.json" beside the pack (`npm run packs -- schema -o pack.schema.json`), or the address where your team serves a copy. The extension does not read it.',
  };
  props.version.pattern = SEMVER_PATTERN;
  props.version.description = 'Semantic version, e.g. 1.2.0. MAJOR, MINOR and PATCH have at most 15 digits each.';
  props.name.pattern = NAME_PATTERN;
  props.name.description = 'Name shown in the options page; no control or text-direction characters.';
  props.author.pattern = OPTIONAL_NAME_PATTERN;
  defs.desk.properties.name.pattern = NAME_PATTERN;
  defs.desk.properties.matches.items.not = { pattern: ALL_SITES_PATTERN.source, description: 'A desk names its own site: not "*://*/*" nor "*.com".' };
  defs.phrase.properties.text.not = {
    pattern: UNKNOWN_PLACEHOLDER_PATTERN,
    description: 'No placeholder the extension cannot fill: a misspelt name ({{custmer.firstName|there}} would always say "there") or {{ask:}} without a label.',
  };
  props.steps.allOf = STEP_IDS.map((id) => ({ contains: { type: 'object', properties: { id: { const: id } }, required: ['id'] }, minContains: 0, maxContains: 1 }));
  props.steps.description = 'Title and hint overrides for the default checklist steps; each step at most once.';
  props.phrases.description = 'The phrases. Phrase ids must be unique within the pack: the extension checks that, a JSON Schema cannot.';
  props.cues = { $ref: '#/$defs/cues' };
  Object.assign(defs, cueSchemaDefs());
  return out;
}
