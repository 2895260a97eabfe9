// `npm run bench`: measures the figures the issues name and writes bench-report.json.
// Figures, not assertions: nothing here fails on a slow machine.
import { existsSync, readFileSync, writeFileSync } from 'node:fs';
import { join } from 'node:path';
import { DIST, ROOT } from '../e2e/harness';
import { evaluateCueTable } from '../../src/core/cues';
import { benchDraftCheck } from '../../src/core/draft-check';
import { benchValidateAndMerge } from '../../src/core/pack/bench';
import { benchSearch } from '../../src/core/search';
import { chatOverhead } from './chat-overhead';
import { contentScriptSize } from './content-size';
import { cueAccuracy } from './cue-accuracy';
import { hostileInputs } from './hostile-inputs';
import { notesAtScale } from './notes-chromium';
import { panelFirstRender } from './panel-render';
import { ticketSwitchLatency } from './ticket-switch';

type Section = [name: string, run: () => unknown | Promise<unknown>];

const sections: Section[] = [
  ['contentScript', () => contentScriptSize(DIST)],
  ['ticketSwitch', () => ticketSwitchLatency(40)],
  ['chatPageOverhead', () => chatOverhead(1000, 200, 10)],
  ['phraseSearch', () => ({ ...benchSearch(10_000), goalP95Ms: 2 })],
  ['panelRender', () => panelFirstRender(7, 10)],
  ['packValidateAndMerge', () => benchValidateAndMerge(10_000)],
  ['draftCheck', () => ({ ...benchDraftCheck(), goalP95Ms: 1 })],
  ['cueTable', () => {
    const table = JSON.parse(readFileSync(join(ROOT, 'tests/fixtures/cues/messages.json'), 'utf8'));
    const r = evaluateCueTable(table.rows);
    return { rows: r.rows, overall: r.overall, perKind: r.perKind, note: 'a regression table written alongside the rules; the accuracy figures are in cueAccuracy' };
  }],
  ['cueAccuracy', () => cueAccuracy(ROOT)],
  ['notes', () => notesAtScale(50_000)],
  ['hostileInputs', () => hostileInputs()],
];

const only = process.argv[2];
const out = join(ROOT, 'bench-report.json');
// A filtered run refreshes its own sections and keeps the rest of the last report.
const previous: Record<string, unknown> = only && existsSync(out) ? (JSON.parse(readFileSync(out, 'utf8')) as Record<string, unknown>) : {};
const report: Record<string, unknown> = { ...previous, generatedAt: new Date().toISOString(), node: process.version, machine: { cores: (await import('node:os')).cpus().length, loadAverageAtStart: (await import('node:os')).loadavg().map((n) => Math.round(n * 10) / 10) } };
for (const [name, run] of sections) {
  if (only && !name.includes(only)) continue;
  const t0 = Date.now();
  try {
    report[name] = await run();
  } catch (err) {
    report[name] = { error: String((err as Error).stack ?? err) };
  }
  console.log(`bench: ${name} (${Date.now() - t0} ms)`, JSON.stringify(report[name]));
}
writeFileSync(out, `${JSON.stringify(report, null, 2)}\n`);
console.log(`bench: report written to ${out}`);
