/**
 * `npm run export -- plan`: the cull plan's summary, then (with --format) one of its exports. Called by
 * scripts/export.ts; see its header for usage and exit codes.
 */
import fs from 'node:fs';
import type { Db } from '../db/client';
import { getPlanExportInput } from '../db/queries/plan-export';
import { isPlanFormat, PLAN_FORMATS } from '../lib/plan-export';
import { formatPlanSummary } from '../lib/plan-summary';

export const PLAN_HELP = `Usage: npm run export -- plan [--format FORMAT] [--out FILE]
  Without --format: prints what the culled posts cost and where each one redirects.
  With --format: prints that summary to standard error, then writes the export to FILE or standard output.
  Formats:
${Object.entries(PLAN_FORMATS)
  .map(([k, v]) => `    ${k.padEnd(16)}${v.description} (suggested name ${v.filename})`)
  .join('\n')}`;

/** Run the plan export. Returns the exit code (0 written, 2 bad arguments). */
export function runPlanExport(db: Db, format: string | undefined, out: string | undefined): number {
  if (format !== undefined && !isPlanFormat(format)) {
    console.error(`unknown plan format "${format}"\n${PLAN_HELP}`);
    return 2;
  }
  const { input, plan } = getPlanExportInput(db);
  const summary = formatPlanSummary(plan);
  if (format === undefined) {
    if (out) fs.writeFileSync(out, summary);
    else process.stdout.write(summary);
    return 0;
  }
  const spec = PLAN_FORMATS[format];
  const body = spec.render(input);
  if (!out && typeof body !== 'string' && process.stdout.isTTY) {
    console.error(`${format} is a binary file: add --out ${spec.filename}`);
    return 2;
  }
  process.stderr.write(summary);
  if (out) {
    fs.writeFileSync(out, body);
    console.error(
      `wrote ${format} (${typeof body === 'string' ? Buffer.byteLength(body) : body.byteLength} bytes) to ${out}`,
    );
  } else process.stdout.write(body);
  return 0;
}
