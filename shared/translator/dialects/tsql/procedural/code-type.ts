/**
 * Types written in code (variables, parameters, `convert`) in T-SQL. The mapping follows the
 * master type table (§1.1: DT-*); user types keep their name, bracket-quoted (DT-09 maps them in
 * the schema).
 */
import type { DataTypeRef } from '../../../ast/nodes';
import { quoteIdent } from '../quote';

const SAME = new Set([
  'bit',
  'tinyint',
  'smallint',
  'int',
  'bigint',
  'numeric',
  'decimal',
  'float',
  'real',
  'money',
  'smallmoney',
  'datetime',
  'smalldatetime',
  'date',
  'char',
  'varchar',
  'nchar',
  'nvarchar',
  'binary',
  'varbinary',
  'sysname',
  'datetime2',
  // `time` has 1/300 s precision in ASE: time(3) below
]);

/** ASE type → T-SQL type text (§1.1; unsigned types DT-06; timestamp values DT-08 are binary(8) in code). */
const MAPPED: Record<string, { readonly to: string; readonly keepArgs: boolean }> = {
  integer: { to: 'int', keepArgs: false },
  'double precision': { to: 'float', keepArgs: false },
  dec: { to: 'decimal', keepArgs: true },
  character: { to: 'char', keepArgs: true },
  'char varying': { to: 'varchar', keepArgs: true },
  'character varying': { to: 'varchar', keepArgs: true },
  'national char': { to: 'nchar', keepArgs: true },
  'national character': { to: 'nchar', keepArgs: true },
  'national varchar': { to: 'nvarchar', keepArgs: true },
  'nchar varying': { to: 'nvarchar', keepArgs: true },
  unichar: { to: 'nchar', keepArgs: true },
  univarchar: { to: 'nvarchar', keepArgs: true },
  text: { to: 'varchar(max)', keepArgs: false },
  unitext: { to: 'nvarchar(max)', keepArgs: false },
  image: { to: 'varbinary(max)', keepArgs: false },
  bigdatetime: { to: 'datetime2(6)', keepArgs: false },
  bigtime: { to: 'time(6)', keepArgs: false },
  time: { to: 'time(3)', keepArgs: false },
  timestamp: { to: 'binary(8)', keepArgs: false },
  'unsigned tinyint': { to: 'tinyint', keepArgs: false },
  'unsigned smallint': { to: 'int', keepArgs: false },
  'unsigned int': { to: 'bigint', keepArgs: false },
  'unsigned integer': { to: 'bigint', keepArgs: false },
  'unsigned bigint': { to: 'numeric(20, 0)', keepArgs: false },
  longsysname: { to: 'nvarchar(255)', keepArgs: false },
};

export function codeType(t: DataTypeRef): string {
  const args = t.args.length > 0 ? `(${t.args.join(', ')})` : '';
  if (SAME.has(t.name)) return t.name + args;
  const m = MAPPED[t.name];
  if (m !== undefined) return m.to + (m.keepArgs ? args : '');
  // a user type (`ssn`, `dbo.ssn`): its name, quoted
  return t.name.split('.').map(quoteIdent).join('.') + args;
}
