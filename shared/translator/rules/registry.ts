/**
 * Every rewrite rule, in the order they run on a node (rules/apply.ts walks bottom-up). This
 * list is what exists: a rule of conversion-rules.md §4–§5 not listed here is not implemented
 * yet (the module still translates; the construct is emitted as written or flagged).
 */
import { sqlstatus } from './cursor/sqlstatus';
import { convertStyles } from './function/convert-styles';
import { dateFunctions } from './function/date-functions';
import { globalVariables } from './global/global-variables';
import { renamedFunctions } from './function/renamed-functions';
import { mappedFunctions } from './function/mapped-functions';
import { stringFunctions } from './function/string-functions';
import { atAtIdentity } from './identity/at-at-identity';
import { printPlaceholders } from './message/print-placeholders';
import { raiserrorOldForm } from './message/raiserror-old-form';
import { raiserrorThrow } from './message/raiserror-throw';
import { dynamicSql } from './procedure/dynamic-sql';
import { computeBy } from './query/compute-by';
import { crossDatabaseStatement, crossDatabaseTable } from './query/cross-database';
import { isolationClause } from './query/isolation-clause';
import { lockHints } from './query/lock-hints';
import { nullComparison } from './query/null-comparison';
import { nullableParameterComparison } from './query/nullable-parameter-comparison';
import { groupByAll } from './query/group-by-all';
import { groupByExtensions } from './query/group-by-extensions';
import { numericScaleLoss } from './error/numeric-scale-loss';
import { outerJoinOperators, strayOuterJoin } from './query/outer-join-operators';
import { rowcountToTop } from './query/rowcount-to-top';
import { readThenUpdate } from './query/read-then-update';
import type { Rule } from './rule';
import { concatenation } from './string/concatenation';
import { unicodeLiteral } from './string/unicode-literal';
import { rollbackTrigger } from './trigger/rollback-trigger';
import { textPointers, textvalid } from './text/text-pointers';
import { updateColumnOnInsert } from './trigger/update-column-on-insert';
import { rowcountAtStart } from './trigger/rowcount-at-start';
import { errorCheckAfterDml } from './trigger/error-check-after-dml';

export const rules: readonly Rule[] = [
  // expressions
  { name: 'null-comparison', ruleId: 'QRY-07', on: 'expression', apply: nullComparison },
  {
    name: 'nullable-parameter-comparison',
    ruleId: 'QRY-07',
    on: 'expression',
    apply: nullableParameterComparison,
  },
  { name: 'sqlstatus', ruleId: 'CUR-06', on: 'expression', apply: sqlstatus },
  { name: 'global-variables', ruleId: 'SYS-12', on: 'expression', apply: globalVariables },
  { name: 'at-at-identity', ruleId: 'ID-07', on: 'expression', apply: atAtIdentity },
  { name: 'update-column-on-insert', ruleId: 'TRG-04', on: 'expression', apply: updateColumnOnInsert },
  { name: 'concatenation', ruleId: 'STR-01', on: 'expression', apply: concatenation },
  { name: 'unicode-literal', ruleId: 'COL-06', on: 'expression', apply: unicodeLiteral },
  { name: 'textvalid', ruleId: 'SYS-63', on: 'expression', apply: textvalid },
  { name: 'string-functions', ruleId: 'FN-13', on: 'expression', apply: stringFunctions },
  { name: 'renamed-functions', ruleId: 'FN-07', on: 'expression', apply: renamedFunctions },
  { name: 'date-functions', ruleId: 'FN-40', on: 'expression', apply: dateFunctions },
  { name: 'mapped-functions', ruleId: 'FN-69', on: 'expression', apply: mappedFunctions },
  { name: 'convert-styles', ruleId: 'FN-32', on: 'expression', apply: convertStyles },
  { name: 'numeric-scale-loss', ruleId: 'ERR-06', on: 'expression', apply: numericScaleLoss },
  // tables
  { name: 'lock-hints', ruleId: 'LOCK-05', on: 'table', apply: lockHints },
  { name: 'cross-database-table', ruleId: 'AZ-02', on: 'table', apply: crossDatabaseTable },
  // statements
  {
    name: 'outer-join-operators',
    ruleId: 'QRY-01',
    on: 'statement',
    apply: (s, rc) => (s.kind === 'Select' ? outerJoinOperators(s, rc) : s),
  },
  { name: 'stray-outer-join', ruleId: 'QRY-01', on: 'statement', apply: strayOuterJoin },
  { name: 'group-by-all', ruleId: 'QRY-05', on: 'statement', apply: groupByAll },
  { name: 'isolation-clause', ruleId: 'LOCK-01', on: 'statement', apply: isolationClause },
  { name: 'compute-by', ruleId: 'QRY-08', on: 'statement', apply: computeBy },
  { name: 'print-placeholders', ruleId: 'MSG-01', on: 'statement', apply: printPlaceholders },
  { name: 'raiserror-old-form', ruleId: 'MSG-02', on: 'statement', apply: raiserrorOldForm },
  { name: 'rollback-trigger', ruleId: 'TRG-05', on: 'statement', apply: rollbackTrigger },
  { name: 'dynamic-sql', ruleId: 'PROC-07', on: 'statement', apply: dynamicSql },
  { name: 'cross-database-statement', ruleId: 'AZ-02', on: 'statement', apply: crossDatabaseStatement },
  // statement lists
  { name: 'text-pointers', ruleId: 'SYS-60', on: 'statements', apply: textPointers },
  { name: 'raiserror-throw', ruleId: 'MSG-03', on: 'statements', apply: raiserrorThrow },
  { name: 'rowcount-to-top', ruleId: 'QRY-10', on: 'statements', apply: rowcountToTop },
  { name: 'group-by-extensions', ruleId: 'QRY-03', on: 'statements', apply: groupByExtensions },
  { name: 'read-then-update', ruleId: 'AZ-13', on: 'statements', apply: readThenUpdate },
  { name: 'rowcount-at-start', ruleId: 'TRG-03', on: 'statements', apply: rowcountAtStart },
  { name: 'error-check-after-dml', ruleId: 'TRG-08', on: 'statements', apply: errorCheckAfterDml },
];
