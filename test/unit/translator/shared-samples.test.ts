import { test } from 'node:test';
import assert from 'node:assert/strict';
import { existsSync, readdirSync, readFileSync } from 'node:fs';
import { join } from 'node:path';
import { translate } from '../../../shared/translator/translate';
import { sharedSamplesDir } from '../../helpers/paths';

test('translate() over every shared ASE sample: no crash, total = converted + flagged', (t) => {
  if (!existsSync(sharedSamplesDir)) {
    t.diagnostic(`did not run: ${sharedSamplesDir} does not exist (team samples are not part of the clone)`);
    console.log(`shared-samples: did not run, ${sharedSamplesDir} is absent`);
    return;
  }
  const files = readdirSync(sharedSamplesDir).filter((f) => f.toLowerCase().endsWith('.sql'));
  assert.ok(files.length > 0, 'the samples folder holds no .sql file');
  for (const f of files) {
    const res = translate(readFileSync(join(sharedSamplesDir, f), 'utf8'), { file: f });
    assert.equal(res.statements.total, res.statements.converted + res.statements.flagged, f);
    assert.ok(res.statements.total > 0, `${f}: no statement found`);
    // every flagged statement is visible in the output and in the report
    assert.ok(res.objects.length > 0, f);
    t.diagnostic(
      `${f}: ${res.statements.total} statements, ${res.statements.converted} converted, ${res.statements.flagged} flagged`,
    );
  }
});
