// `npm run bench`: measures the figures the issues name and writes bench-report.json.
// Figures, not assertions: nothing here fails on a slow machine.
import { writeFileSync } from 'node:fs';
import { join } from 'node:path';
import { DIST, ROOT } from '../e2e/harness';
import { chatOverhead } from './chat-overhead';
import { contentScriptSize } from './content-size';
import { ticketSwitchLatency } from './ticket-switch';

type Section = [name: string, run: () => unknown | Promise<unknown>];

const sections: Section[] = [
  ['contentScript', () => contentScriptSize(DIST)],
  ['ticketSwitch', () => ticketSwitchLatency(40)],
  ['chatPageOverhead', () => chatOverhead(1000, 5)],
];

const only = process.argv[2];
const report: Record<string, unknown> = { generatedAt: new Date().toISOString(), node: process.version, machine: { cores: (await import('node:os')).cpus().length } };
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
const out = join(ROOT, 'bench-report.json');
writeFileSync(out, `${JSON.stringify(report, null, 2)}\n`);
console.log(`bench: report written to ${out}`);
