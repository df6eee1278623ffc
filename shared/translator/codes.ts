/**
 * Diagnostic codes of the translator front end (tokenizer, parser, translate() and the
 * non-schema statement translators), as data: the lead aggregates them into docs/diagnostics.md.
 * Each code cites the conversion-rules.md rule it applies and carries that rule's severity, so a
 * diagnostic built from a code cannot disagree with the catalogue (see `reportCode`).
 * `ruleId: 'NONE'` marks tool-level findings that no spec rule describes.
 */
import type { Level } from './diagnostics';

export interface CodeInfo {
  readonly code: string;
  readonly ruleId: string;
  readonly level: Level;
  readonly summary: string;
}

const c = (code: string, ruleId: string, level: Level, summary: string): CodeInfo => ({
  code,
  ruleId,
  level,
  summary,
});

export const translatorCodes = {
  // Lexical (§4.1)
  unterminatedString: c(
    'ASM-LEX-001',
    'LEX-01',
    'MANUAL',
    'string literal not closed before the end of the input',
  ),
  unterminatedComment: c(
    'ASM-LEX-002',
    'LEX-06',
    'MANUAL',
    'block comment not closed before the end of the input',
  ),
  unterminatedIdentifier: c(
    'ASM-LEX-003',
    'LEX-02',
    'MANUAL',
    'quoted identifier not closed before the end of the input',
  ),
  unexpectedCharacter: c(
    'ASM-LEX-004',
    'NONE',
    'WARN',
    'character that is not valid ASE syntax (kept in the token stream)',
  ),

  // Parser
  unsupportedStatement: c(
    'ASM-PARSE-001',
    'NONE',
    'MANUAL',
    'statement form not handled by the parser; carried verbatim and flagged',
  ),
  syntaxError: c(
    'ASM-PARSE-002',
    'NONE',
    'MANUAL',
    'syntax error inside a statement; statement carried verbatim and flagged',
  ),

  // Statements translated by the front end
  moduleNotConverted: c(
    'ASM-STMT-001',
    'PROC-01',
    'MANUAL',
    'view/procedure/trigger/function carried verbatim until procedural code is translated',
  ),
  printNotLiteral: c(
    'ASM-STMT-002',
    'MSG-01',
    'MANUAL',
    'print with arguments or a non-literal message needs the MSG-01 rewrite',
  ),
  guardNotRecognised: c(
    'ASM-STMT-003',
    'DDL-48',
    'MANUAL',
    'if condition is not a recognised existence test; carried verbatim',
  ),
  guardWithoutEffect: c(
    'ASM-STMT-004',
    'DDL-48',
    'INFO',
    'guarded statements produce no T-SQL; the guard is kept as a comment',
  ),
  dropRuleDefault: c(
    'ASM-STMT-005',
    'RD-01',
    'INFO',
    'drop rule/default: rules and defaults become constraints, nothing to drop',
  ),
  createDatabase: c(
    'ASM-STMT-006',
    'SYS-77',
    'MANUAL',
    'create/drop database: the target database is provisioned, not scripted',
  ),
  setRowcount: c(
    'ASM-STMT-010',
    'SYS-41',
    'INFO',
    'set rowcount kept; it does not limit INSERT/UPDATE/DELETE in future SQL Server versions',
  ),
  setQuotedIdentifier: c(
    'ASM-STMT-011',
    'SYS-43',
    'INFO',
    'set quoted_identifier dropped: generated code always runs with QUOTED_IDENTIFIER ON',
  ),
  setAnsinull: c(
    'ASM-STMT-012',
    'SYS-44',
    'WARN',
    'set ansinull dropped: ANSI_NULLS ON is the only target state; ASE OFF semantics need emulation',
  ),
  setStringRtruncation: c('ASM-STMT-013', 'SYS-45', 'INFO', 'set string_rtruncation dropped'),
  setArith: c(
    'ASM-STMT-014',
    'SYS-46',
    'WARN',
    'set arithabort/arithignore: overflow handling differs (ERR-04/05)',
  ),
  setChained: c('ASM-STMT-015', 'SYS-47', 'WARN', 'set chained → SET IMPLICIT_TRANSACTIONS'),
  setFlushmessage: c('ASM-STMT-016', 'SYS-50', 'INFO', 'set flushmessage dropped'),
  setNoEquivalent: c(
    'ASM-STMT-017',
    'SYS-51',
    'INFO',
    'session option without SQL Server equivalent dropped',
  ),
  setExportOptions: c('ASM-STMT-018', 'SYS-51', 'MANUAL', 'set export_options has no equivalent'),
  setSelfRecursion: c(
    'ASM-STMT-019',
    'SYS-52',
    'MANUAL',
    'set self_recursion → database-wide RECURSIVE_TRIGGERS',
  ),
  setRole: c('ASM-STMT-020', 'SYS-53', 'MANUAL', 'set role: SQL Server roles are always active'),
  setOptimizer: c('ASM-STMT-021', 'SYS-56', 'INFO', 'optimizer/diagnostic session option dropped'),
  setTriggers: c('ASM-STMT-022', 'SYS-57', 'MANUAL', 'set triggers off → DISABLE TRIGGER'),
  setMisc: c('ASM-STMT-023', 'SYS-59', 'INFO', 'set fipsflagger/prefetch/parallel_degree dropped'),
  setUnknown: c('ASM-STMT-024', 'NONE', 'MANUAL', 'set option not known to the converter'),
  procDroppedProcxmode: c(
    'ASM-STMT-030',
    'SYS-31',
    'INFO',
    'sp_procxmode dropped (no transaction-mode attribute in SQL Server)',
  ),
  procxmodeChained: c(
    'ASM-STMT-037',
    'TRAN-04',
    'WARN',
    "sp_procxmode p, 'chained' dropped: the procedure expects implicit transactions",
  ),
  procDroppedHidetext: c(
    'ASM-STMT-031',
    'SYS-32',
    'INFO',
    'sp_hidetext dropped (use WITH ENCRYPTION on the module)',
  ),
  procDroppedStorage: c('ASM-STMT-032', 'SYS-33', 'INFO', 'storage/cache procedure dropped (no equivalent)'),
  procDroppedReplication: c('ASM-STMT-033', 'SYS-38', 'INFO', 'replication procedure dropped'),
  procDboption: c('ASM-STMT-034', 'SYS-29', 'MANUAL', 'sp_dboption → ALTER DATABASE ... SET'),
  procMessage: c(
    'ASM-STMT-035',
    'SYS-27',
    'MANUAL',
    'sp_addmessage/sp_dropmessage: message table needed (AZ-06)',
  ),
  procNotConverted: c('ASM-STMT-036', 'NONE', 'MANUAL', 'system procedure call not converted'),
  internalError: c(
    'ASM-INTERNAL-002',
    'NONE',
    'MANUAL',
    'a statement translator failed; statement carried verbatim and flagged',
  ),

  // Security (§7)
  setuser: c('ASM-SEC-001', 'SEC-09', 'WARN', 'setuser → EXECUTE AS USER / REVERT'),
  revokeAsDeny: c(
    'ASM-SEC-002',
    'SEC-16',
    'WARN',
    'revoke → DENY (an ASE revoke row overrides wider grants)',
  ),
  grantAllUnknownObject: c(
    'ASM-SEC-003',
    'SEC-12',
    'MANUAL',
    'grant all on an object whose type is unknown cannot be expanded',
  ),
  grantRole: c('ASM-SEC-004', 'SEC-19', 'MANUAL', 'grant role → ALTER ROLE ... ADD MEMBER'),
  grantProxy: c(
    'ASM-SEC-005',
    'SEC-20',
    'MANUAL',
    'grant set proxy/session authorization → GRANT IMPERSONATE',
  ),
  grantUnsupported: c('ASM-SEC-006', 'SEC-21', 'MANUAL', 'privilege without SQL Server equivalent'),
  grantSystemProc: c('ASM-SEC-007', 'SEC-22', 'INFO', 'permission on a system procedure dropped'),
  grantServerLevel: c(
    'ASM-SEC-008',
    'SEC-23',
    'BLOCK',
    'server-level permission (create database) not available',
  ),
  grantNoSeparatePermission: c(
    'ASM-SEC-009',
    'SEC-14',
    'INFO',
    'create trigger/create rule permission has no SQL Server counterpart; dropped',
  ),
  addLogin: c(
    'ASM-SEC-010',
    'SEC-01',
    'MANUAL',
    'logins: passwords cannot be migrated; create contained/Entra users',
  ),
  addUser: c(
    'ASM-SEC-011',
    'SEC-02',
    'INFO',
    'sp_adduser → CREATE USER ... FOR LOGIN (the login must exist)',
  ),
  changeGroup: c(
    'ASM-SEC-012',
    'SEC-04',
    'WARN',
    'sp_changegroup → ALTER ROLE ADD MEMBER (old group membership is not removed)',
  ),
  securityProc: c('ASM-SEC-013', 'SYS-28', 'MANUAL', 'login/alias/role procedure not converted'),

  // Procedural code (§4, §5), ASM-STMT-1xx: rewrite rules in rules/, listed in rules/registry.ts
  outerJoin: c(
    'ASM-STMT-101',
    'QRY-01',
    'INFO',
    '*= / =* outer join → LEFT OUTER JOIN, inner-table predicates moved to ON',
  ),
  outerJoinManual: c(
    'ASM-STMT-102',
    'QRY-01',
    'MANUAL',
    '*= / =* outer join the converter cannot place safely (best effort emitted)',
  ),
  outerJoinIsNull: c(
    'ASM-STMT-103',
    'QRY-02',
    'MANUAL',
    'is null test on the inner table of *=: anti-join reading kept in WHERE, compare with ASE',
  ),
  nullComparison: c('ASM-STMT-104', 'QRY-07', 'INFO', '= NULL / != NULL → IS [NOT] NULL'),
  rowcountTop: c('ASM-STMT-105', 'QRY-10', 'INFO', 'set rowcount n around one statement → TOP (n)'),
  computeBy: c('ASM-STMT-106', 'QRY-08', 'MANUAL', 'compute / compute by has no SQL Server form'),
  sqlstatus: c('ASM-STMT-107', 'CUR-06', 'INFO', '@@sqlstatus test → @@FETCH_STATUS'),
  sqlstatusOther: c(
    'ASM-STMT-108',
    'CUR-06',
    'MANUAL',
    '@@sqlstatus used other than compared with 0, 1 or 2',
  ),
  printArgs: c('ASM-STMT-109', 'MSG-01', 'INFO', 'print with %n! placeholders → PRINT CONCAT(...)'),
  raiserrorOld: c(
    'ASM-STMT-110',
    'MSG-02',
    'WARN',
    'raiserror n "msg" → RAISERROR(msg, 16, 1): @@ERROR becomes 50000 (MSG-03)',
  ),
  raiserrorThrow: c(
    'ASM-STMT-160',
    'MSG-03',
    'WARN',
    'raiserror ≥ 20000 before rollback/return → THROW number + 50000: ends the batch, callers need TRY…CATCH',
  ),
  raiserrorManual: c(
    'ASM-STMT-111',
    'MSG-02',
    'MANUAL',
    'raiserror with a message from sysusermessages, a variable number or errordata',
  ),
  identity: c(
    'ASM-STMT-112',
    'ID-07',
    'WARN',
    '@@identity → ISNULL(SCOPE_IDENTITY(), 0): not visible after EXEC of a procedure',
  ),
  rollbackTrigger: c(
    'ASM-STMT-113',
    'TRG-05',
    'MANUAL',
    'rollback trigger has no SQL Server equivalent (INSTEAD OF trigger template)',
  ),
  updateOnInsert: c(
    'ASM-STMT-114',
    'TRG-04',
    'WARN',
    'update(col) is true for every column on INSERT in SQL Server',
  ),
  strReplace: c('ASM-STMT-115', 'FN-13', 'INFO', "str_replace(s, a, b) → REPLACE(s, a, ISNULL(b, ''))"),
  charLength: c('ASM-STMT-116', 'FN-01', 'WARN', 'char_length → LEN: LEN ignores trailing blanks'),
  getdateAzure: c('ASM-STMT-117', 'FN-40', 'WARN', 'getdate() returns UTC in Azure SQL Database (AZ-14)'),
  datePartIso: c(
    'ASM-STMT-118',
    'FN-47',
    'WARN',
    'ASE calendar date parts (cwk, cyr, cdw) → ISO week expressions',
  ),
  currentDate: c(
    'ASM-STMT-119',
    'FN-42',
    'INFO',
    'current_date() / current_time() / current_bigdatetime() → CAST(GETDATE() ...) / SYSDATETIME()',
  ),
  convertStyle: c('ASM-STMT-120', 'FN-32', 'INFO', 'ASE-only datetime style → FORMAT / CONVERT expression'),
  convertStyleManual: c(
    'ASM-STMT-121',
    'FN-32',
    'MANUAL',
    'datetime style given as a variable or unknown number',
  ),
  lockHint: c('ASM-STMT-122', 'LOCK-05', 'INFO', 'ASE table lock hint → WITH (...) table hint'),
  hintDropped: c('ASM-STMT-123', 'LOCK-09', 'INFO', 'prefetch / lru / mru / shared / parallel hint dropped'),
  isolationClause: c(
    'ASM-STMT-124',
    'LOCK-01',
    'INFO',
    'at isolation n → table hints on every table without its own',
  ),
  planDropped: c('ASM-STMT-125', 'LOCK-11', 'INFO', 'abstract plan clause dropped'),
  numberedProcedure: c('ASM-STMT-126', 'PROC-05', 'INFO', 'numbered procedure p;n → p__n'),
  dynamicSql: c(
    'ASM-STMT-127',
    'PROC-07',
    'WARN',
    'dynamic SQL text is ASE dialect built at run time: not converted',
  ),
  trimEmpty: c(
    'ASM-STMT-128',
    'FN-07',
    'INFO',
    "ltrim/rtrim/trim → NULLIF(..., ''): an empty result is NULL in ASE",
  ),
  unicodeFunctions: c('ASM-STMT-129', 'FN-17', 'INFO', 'to_unichar → NCHAR, uscalar → UNICODE'),
  rand2: c('ASM-STMT-130', 'FN-72', 'INFO', 'rand2() (a value per row) → RAND(CHECKSUM(NEWID()))'),
  statisticalAggregates: c('ASM-STMT-131', 'FN-74', 'INFO', 'stddev/variance family → STDEV/STDEVP/VAR/VARP'),
  concatNull: c(
    'ASM-STMT-133',
    'STR-01',
    'INFO',
    "string + with a nullable operand → CONCAT (NULL counts as '' as in ASE)",
  ),
  emptyStringSpace: c(
    'ASM-STMT-134',
    'STR-02',
    'INFO',
    "'' in a concatenation → ' ' (ASE stores the empty string as one space)",
  ),
  errorNumber: c(
    'ASM-STMT-135',
    'ERR-02',
    'WARN',
    '@@error compared with an ASE error number: SQL Server numbers differ',
  ),
  tranchained: c(
    'ASM-STMT-136',
    'TRAN-05',
    'INFO',
    '@@tranchained → CASE WHEN @@OPTIONS & 2 = 2 THEN 1 ELSE 0 END',
  ),
  transtate: c('ASM-STMT-137', 'TRAN-06', 'INFO', '@@transtate = 0 / = 3 → XACT_STATE() tests'),
  transtateManual: c(
    'ASM-STMT-138',
    'TRAN-06',
    'MANUAL',
    '@@transtate used other than = 0 or = 3: no SQL Server equivalent',
  ),
  pageSize: c('ASM-STMT-139', 'SYS-10', 'INFO', '@@maxpagesize / @@pagesize → 8192'),
  unknownGlobal: c('ASM-STMT-140', 'SYS-12', 'MANUAL', 'global variable with no SQL Server equivalent'),
  userId: c('ASM-STMT-132', 'FN-54', 'WARN', 'user_id → DATABASE_PRINCIPAL_ID: ids differ from ASE uids'),
  groupByExtended: c(
    'ASM-STMT-141',
    'QRY-03',
    'MANUAL',
    'select-list column neither aggregated nor in GROUP BY (ASE extension): carried with the column list',
  ),
  aggregateExtended: c(
    'ASM-STMT-142',
    'QRY-04',
    'MANUAL',
    'aggregate without GROUP BY next to plain columns: carried, rewrite with OVER ()',
  ),
  groupByAll: c(
    'ASM-STMT-143',
    'QRY-05',
    'WARN',
    'group by all → WHERE moved into the aggregates as CASE WHEN (or ALL dropped without WHERE)',
  ),
  groupByAllKept: c(
    'ASM-STMT-144',
    'QRY-05',
    'MANUAL',
    'group by all with a subquery in WHERE: deprecated GROUP BY ALL kept',
  ),
  havingExtended: c(
    'ASM-STMT-145',
    'QRY-06',
    'MANUAL',
    'HAVING on a column not in GROUP BY (row-level in ASE): carried with the column list',
  ),
  nullableParameterComparison: c(
    'ASM-STMT-146',
    'QRY-07',
    'WARN',
    'comparison with a parameter defaulting to NULL: ASE matches NULL to NULL, SQL Server does not',
  ),
  triggerRowcount: c(
    'ASM-STMT-148',
    'TRG-03',
    'INFO',
    '@@rowcount read at the start of a trigger → captured first into @ase_rowcount',
  ),
  triggerErrorCheck: c(
    'ASM-STMT-149',
    'TRG-08',
    'WARN',
    '@@error tested after DML in a trigger: the error aborts the batch first in SQL Server',
  ),
  patindexTrim: c('ASM-STMT-150', 'FN-04', 'INFO', 'patindex(p, s) → PATINDEX(RTRIM(p), s)'),
  negativeLength: c(
    'ASM-STMT-151',
    'FN-06',
    'INFO',
    'left/right with a length that may be negative → CASE WHEN n < 0 THEN NULL',
  ),
  surrogateTest: c('ASM-STMT-152', 'FN-19', 'INFO', 'uhighsurr/ulowsurr → UNICODE range test'),
  indexColorder: c(
    'ASM-STMT-153',
    'FN-64',
    'INFO',
    "index_colorder → INDEXKEY_PROPERTY(..., 'IsDescending')",
  ),
  lockscheme: c('ASM-STMT-154', 'FN-67', 'INFO', "lockscheme() → 'datarows'"),
  newidFormat: c(
    'ASM-STMT-155',
    'FN-69',
    'INFO',
    'newid() / newid(1) → 32-digit / dashed lower-case text of NEWID() as in ASE',
  ),
  hashHex: c(
    'ASM-STMT-156',
    'FN-70',
    'WARN',
    'hash(x, alg) → lower-case hex of HASHBYTES; bytes depend on the character set',
  ),
  unicodeLiteral: c(
    'ASM-STMT-157',
    'COL-06',
    'INFO',
    "string literal with non-ASCII characters → N'...' (no character lost to the code page)",
  ),
  writetextUpdate: c(
    'ASM-STMT-158',
    'SYS-62',
    'INFO',
    'writetext → UPDATE ... WHERE <row of the textptr select>: fully logged, fires triggers',
  ),
  textvalidTrue: c('ASM-STMT-159', 'SYS-63', 'INFO', 'textvalid(...) → 1 (no text pointers in SQL Server)'),
  scaleTruncation: c(
    'ASM-STMT-147',
    'ERR-06',
    'INFO',
    'convert to a smaller numeric scale truncates in ASE → ROUND(x, s, 1)',
  ),

  // Azure SQL Database (§9)
  readThenUpdate: c(
    'ASM-AZ-010',
    'AZ-13',
    'WARN',
    'select into variables then update of the same table: READCOMMITTEDLOCK hint against RCSI lost updates',
  ),
  useRemoved: c(
    'ASM-AZ-001',
    'AZ-01',
    'BLOCK',
    'use <db> removed: an Azure SQL Database connection is bound to one database',
  ),
  crossDatabaseName: c('ASM-AZ-002', 'AZ-02', 'MANUAL', 'three-part name to another database'),
  configure: c('ASM-AZ-003', 'AZ-07', 'BLOCK', 'sp_configure not available'),
} as const satisfies Record<string, CodeInfo>;

export type TranslatorCode = keyof typeof translatorCodes;
