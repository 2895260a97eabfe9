// "An editor pointed at the schema completes cues keys": VS Code's own JSON language service (the
// library behind its JSON editing) given the published schema, asked for completions where a lead types.
import { readFileSync } from 'node:fs';
import { resolve } from 'node:path';
import { getLanguageService, TextDocument, type CompletionList } from 'vscode-json-languageservice';
import { describe, expect, it } from 'vitest';

const SCHEMA_URI = 'file:///packs/pack.schema.json';
const schema = JSON.parse(readFileSync(resolve('public/packs/pack.schema.json'), 'utf8')) as object;
const service = getLanguageService({ schemaRequestService: async () => JSON.stringify(schema) });
service.configure({ validate: true, schemas: [{ uri: SCHEMA_URI, fileMatch: ['*.pack.json'], schema }] });

/** Completions at the "|" in `text`, as the editor offers them, by label. */
async function completions(text: string): Promise<string[]> {
  const at = text.indexOf('|');
  const doc = TextDocument.create('file:///packs/team.pack.json', 'json', 1, text.replace('|', ''));
  const list = (await service.doComplete(doc, doc.positionAt(at), service.parseJSONDocument(doc))) as CompletionList;
  return list.items.map((i) => i.label.replace(/^"|"$/g, ''));
}

async function problems(text: string): Promise<string[]> {
  const doc = TextDocument.create('file:///packs/team.pack.json', 'json', 1, text);
  return (await service.doValidation(doc, service.parseJSONDocument(doc))).map((d) => (typeof d.message === 'string' ? d.message : d.message.value));
}

const head = '{ "schema": 1, "id": "team", "name": "Team", "version": "1.0.0", "locale": "en", "phrases": [], ';

describe('an editor with the pack schema', () => {
  it('completes the keys of "cues", of a cue and of a signal', async () => {
    expect(await completions(`${head}"cues": { | } }`)).toEqual(expect.arrayContaining(['negators', 'frustration', 'urgency', 'happy', 'waiting', 'raise']));
    expect(await completions(`${head}"cues": { "frustration": { | } } }`)).toEqual(expect.arrayContaining(['threshold', 'signals', 'calm', 'elsewhere', 'emoticons', 'shouting']));
    expect(await completions(`${head}"cues": { "frustration": { "signals": { | } } } }`)).toEqual(expect.arrayContaining(['repeat', 'sarcasm', 'strongWords']));
    expect(await completions(`${head}"cues": { "frustration": { "signals": { "sarcasm": { | } } } } }`)).toEqual(expect.arrayContaining(['reason', 'patterns', 'weight', 'negatable', 'calmable', 'unlessAfter']));
    expect(await completions(`${head}"cues": { "raise": { "happy": [ | ] } } }`)).toEqual(expect.arrayContaining(['greet', 'follow-through']));
  });

  it('marks what the validator refuses: an unknown cue key, a new signal without patterns, an unknown placeholder', async () => {
    const found = await problems(`${head}"cues": { "frustation": {}, "frustration": { "signals": { "handover": { "reason": "Handed off" } } } } }`);
    expect(found.some((m) => /frustation/.test(m) || /not allowed/i.test(m))).toBe(true);
    expect(found.some((m) => /patterns/.test(m))).toBe(true);
    const text = (await problems(`{ "schema": 1, "id": "team", "name": "Team", "version": "1.0.0", "locale": "en", "phrases": [{ "id": "a", "step": "greet", "text": "Hi {{custmer.firstName|there}}" }] }`));
    expect(text.length).toBeGreaterThan(0);
    expect(await problems(`${head}"cues": { "frustration": { "signals": { "sarcasm": { "patterns": [] } } } } }`)).toEqual([]);
  });
});
