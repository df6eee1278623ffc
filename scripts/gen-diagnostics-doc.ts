/**
 * Regenerates docs/diagnostics.md from shared/diagnostic-codes.ts. Run: `npm run docs:diagnostics`.
 * A unit test fails when the committed file differs from what this would write.
 */
import { writeFileSync } from 'node:fs';
import { join } from 'node:path';
import { allCodes, duplicateCodes, renderDiagnosticsMarkdown } from '../shared/diagnostic-codes';

const dup = duplicateCodes();
if (dup.length > 0) {
  console.error(`gen-diagnostics-doc: duplicate codes: ${dup.join(', ')}`);
  process.exit(1);
}
const target = join(__dirname, '..', 'docs', 'diagnostics.md');
writeFileSync(target, renderDiagnosticsMarkdown(allCodes()));
console.log(`wrote ${target} (${allCodes().length} codes)`);
