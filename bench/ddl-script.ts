/**
 * A large ddlgen-like script made in memory (no file in the repo): tables over three owners with
 * the common ASE types, primary keys, indexes, bound rules/defaults and grants, `go`-separated —
 * the shape a real ddlgen dump of a large database has.
 */
const TYPES = [
  'int not null',
  'smallint null',
  'tinyint not null',
  'bigint null',
  'numeric(18,4) null',
  'money not null',
  'char(10) null',
  'varchar(255) null',
  'univarchar(100) null',
  'datetime not null',
  'smalldatetime null',
  'bit not null',
  'float null',
  'text null',
  'varbinary(64) null',
  'unsigned int null',
];

export function ddlScript(targetLines: number): { text: string; lines: number } {
  const parts: string[] = [];
  let lines = 0;
  const push = (s: string): void => {
    parts.push(s);
    lines += 1;
  };
  const owners = ['dbo', 'sales', 'hr'];
  push('create default dbo.df_zero as 0');
  push('go');
  for (let t = 0; lines < targetLines; t++) {
    const owner = owners[t % owners.length] as string;
    const name = `${owner}.tab_${t}`;
    push(`-- DDL for Table '${name}'`);
    push('-----------------------------------------------------------------------------');
    push(`create table ${name} (`);
    const ncol = 8 + (t % 9);
    push(`\tid_${t}                            int                              identity  ,`);
    for (let c = 1; c < ncol; c++)
      push(`\tcol_${c}                         ${TYPES[(t + c) % TYPES.length]}                      ,`);
    push(`\t constraint pk_tab_${t} primary key clustered (id_${t})`);
    push(')');
    push(`lock ${t % 2 ? 'datarows' : 'allpages'}`);
    push('with identity_gap = 1000');
    push('go');
    push('');
    push(`create nonclustered index ix_tab_${t}_c1 on ${name} (col_1 asc)`);
    push('go');
    push(`exec sp_bindefault 'dbo.df_zero', '${name}.col_2'`);
    push('go');
    push(`grant select, insert on ${name} to public`);
    push('go');
    push('');
  }
  return { text: parts.join('\n') + '\n', lines };
}
