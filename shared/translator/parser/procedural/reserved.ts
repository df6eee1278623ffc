/**
 * Words that cannot be a column, alias or bare name inside procedural code: ASE needs no
 * statement terminator, so `select a b from t` vs `select a select b` is decided by these.
 */
import { STATEMENT_KEYWORDS } from '../boundaries';

const CLAUSE_WORDS = [
  'from',
  'where',
  'group',
  'having',
  'order',
  'compute',
  'union',
  'into',
  'values',
  'on',
  'join',
  'inner',
  'left',
  'right',
  'full',
  'outer',
  'cross',
  'and',
  'or',
  'not',
  'is',
  'in',
  'like',
  'between',
  'escape',
  'as',
  'case',
  'when',
  'then',
  'else',
  'end',
  'for',
  'at',
  'plan',
  'with',
  'holdlock',
  'noholdlock',
  'readpast',
  'shared',
  'by',
  'asc',
  'desc',
  'null',
  'exists',
  'distinct',
  'all',
  'top',
  'go',
  'goto',
  'break',
  'continue',
  'open',
  'close',
  'throw',
  'save',
  'option',
];

export const RESERVED = new Set<string>([...STATEMENT_KEYWORDS, ...CLAUSE_WORDS]);

/** Words usable as function names although reserved (`left(s, 2)`, `update(col)` in triggers). */
export const RESERVED_FUNCTIONS = new Set(['left', 'right', 'update', 'convert', 'identity']);

/**
 * Reserved words that may still name a column (`select open, close from prices`): they end an
 * alias or a statement, but in a value position they are read as names.
 */
const VALUE_NAMES = new Set([
  'open',
  'close',
  'save',
  'plan',
  'at',
  'shared',
  'holdlock',
  'noholdlock',
  'readpast',
  'option',
  'go',
  'break',
  'continue',
  'throw',
  'dump',
  'load',
  'checkpoint',
  'reorg',
  'readtext',
  'writetext',
]);

/** Words that cannot start a value. */
export const NOT_A_VALUE = new Set([...RESERVED].filter((w) => !VALUE_NAMES.has(w)));
