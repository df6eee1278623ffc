import { describe, test } from 'node:test';
import assert from 'node:assert/strict';
import { readFileSync } from 'node:fs';
import { join } from 'node:path';
import { parseScript } from '../../../shared/translator/parser/parse';
import type { Statement } from '../../../shared/translator/ast/nodes';
import { fixturesDir } from '../../helpers/paths';

const fixture = (name: string): string => readFileSync(join(fixturesDir, 'translator', name), 'utf8');

/** Statement kinds and their main name, independent of spans. */
function shape(s: Statement): string {
  switch (s.kind) {
    case 'CreateTable':
      return `CreateTable ${s.name.name} ${s.columns.map((c) => `${c.name}:${c.type?.name}:${c.nullability}`).join(',')}`;
    case 'CreateIndex':
      return `CreateIndex ${s.name} ${s.table.name}`;
    case 'Grant':
      return `Grant ${s.privileges.join(',')} ${s.object?.name} ${s.principals.join(',')}`;
    case 'Drop':
      return `Drop ${s.objectType} ${s.names.map((n) => n.name).join(',')}`;
    default:
      return s.kind;
  }
}

describe('parser: batches and separators (LEX-05)', () => {
  test('LEX-05 go, ; and no separators give the same statements', () => {
    const shapes = ['separators-go.sql', 'separators-semicolon.sql', 'separators-none.sql'].map((f) =>
      parseScript(fixture(f), f)
        .script.batches.flatMap((b) => b.statements)
        .map(shape),
    );
    assert.deepEqual(shapes[0], [
      'CreateTable t1 a:int:not null,b:varchar:null',
      'CreateIndex t1_ix t1',
      'Grant select t1 public',
      'Drop table t1',
    ]);
    assert.deepEqual(shapes[1], shapes[0]);
    assert.deepEqual(shapes[2], shapes[0]);
  });
  test('go splits batches, go n repeats, batch text excludes the go line', () => {
    const { script } = parseScript('print "a"\ngo\nprint "b"\ngo 3\n');
    assert.equal(script.batches.length, 2);
    assert.deepEqual(
      script.batches.map((b) => [b.text, b.repeat]),
      [
        ['print "a"', 1],
        ['print "b"', 3],
      ],
    );
  });
  test('empty batches (go go) produce no batch', () => {
    const { script } = parseScript('go\ngo\nprint "a"\ngo\n\ngo\n');
    assert.equal(script.batches.length, 1);
  });
  test('file name is kept on the script and on diagnostics', () => {
    const { script, diagnostics } = parseScript("select 'x", 'f.sql');
    assert.equal(script.file, 'f.sql');
    assert.ok(diagnostics.length > 0 && diagnostics.every((d) => d.file === 'f.sql'));
  });
});

describe('parser: spans and lines', () => {
  test('statement spans give the right line and column in a CRLF script', () => {
    const sql = 'use db\r\ngo\r\n\r\n  create table t (a int)\r\ngo\r\ngrant select on t to u\r\n';
    const all = parseScript(sql).script.batches.flatMap((b) => b.statements);
    assert.deepEqual(
      all.map((s) => [s.kind, s.span.line, s.span.column]),
      [
        ['Use', 1, 1],
        ['CreateTable', 4, 3],
        ['Grant', 6, 1],
      ],
    );
    const ct = all[1] as Statement;
    assert.equal(sql.slice(ct.span.start, ct.span.end), 'create table t (a int)');
  });
  test('nested statements of an if keep their own lines', () => {
    const all = parseScript(
      "if object_id('t') is null\nbegin\n  create table t (a int)\nend",
    ).script.batches.flatMap((b) => b.statements);
    const s = all[0];
    assert.ok(s?.kind === 'If');
    assert.equal(s.then[0]?.span.line, 3);
  });
  test('the ddlgen fixture parses with every statement on its source line', () => {
    const text = fixture('ddlgen-sales.sql');
    const lines = text.split('\n');
    const all = parseScript(text).script.batches.flatMap((b) => b.statements);
    assert.ok(all.length > 25);
    for (const s of all) {
      const line = lines[s.span.line - 1] ?? '';
      assert.equal(
        line.slice(s.span.column - 1, s.span.column + 5),
        text.slice(s.span.start, s.span.start + 6),
        `${s.kind} at ${s.span.line}`,
      );
    }
    assert.deepEqual(
      all.filter((s) => s.kind === 'Unparsed'),
      [],
    );
  });
});

describe('parser: comments (LEX-06)', () => {
  test('LEX-06 leading, inner and same-line trailing comments attach to the statement', () => {
    const sql = '-- header of t\ncreate table t (\n  a int /* key */\n) -- after\nprint "x"';
    const all = parseScript(sql).script.batches.flatMap((b) => b.statements);
    assert.deepEqual(
      all[0]?.comments.map((c) => [c.text, c.style, c.span.line]),
      [
        ['-- header of t', 'line', 1],
        ['/* key */', 'block', 3],
        ['-- after', 'line', 4],
      ],
    );
    assert.deepEqual(all[1]?.comments, []);
  });
  test('LEX-06 columns and constraints keep the comments written next to them', () => {
    const sql =
      'create table t (\n  -- identity of the row\n  id int not null, -- the key\n  name varchar(10) /* display */ null,\n  constraint pk primary key (id) -- pk\n)';
    const t = parseScript(sql).script.batches[0]?.statements[0];
    assert.ok(t?.kind === 'CreateTable');
    assert.deepEqual(
      t.columns.map((c) => c.comments.map((x) => x.text)),
      [['-- identity of the row', '-- the key'], ['/* display */']],
    );
    assert.deepEqual(
      t.constraints[0]?.comments.map((x) => x.text),
      ['-- pk'],
    );
  });
  test('comments after the last statement, or in a batch without statements, belong to the batch', () => {
    const { script } = parseScript('/* only a comment */\ngo\nprint "a"\n\n-- trailing note\n');
    assert.deepEqual(
      script.batches.map((b) => b.comments.map((c) => c.text)),
      [['/* only a comment */'], ['-- trailing note']],
    );
  });
});
