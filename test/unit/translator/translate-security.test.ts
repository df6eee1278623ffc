import { describe, test } from 'node:test';
import assert from 'node:assert/strict';
import { expectTranslation, runTranslationCases } from './translate-helpers';

const run = runTranslationCases;

describe('translate: grant (SEC-10 … SEC-23)', () => {
  run([
    {
      name: 'SEC-10 object privileges, default schema added',
      ase: 'grant select, insert on orders to clerk',
      tsql: ['GRANT SELECT, INSERT ON OBJECT::[dbo].[orders] TO [clerk];'],
      rules: [],
      outcome: 'converted',
    },
    {
      name: 'SEC-11 column list',
      ase: 'grant select on dbo.emp (name, dept) to temp_staff',
      tsql: ['GRANT SELECT ([name], [dept]) ON OBJECT::[dbo].[emp] TO [temp_staff];'],
      rules: [],
    },
    {
      name: 'SEC-12 all on a table defined in the script is expanded',
      ase: 'create table t (a int)\ngo\ngrant all on t to u',
      tsql: ['GRANT SELECT, INSERT, DELETE, UPDATE, REFERENCES ON OBJECT::[dbo].[t] TO [u];'],
    },
    {
      name: 'SEC-12 all on a procedure defined in the script → EXECUTE',
      ase: 'create proc p as select 1\ngo\ngrant all on p to u',
      tsql: ['GRANT EXECUTE ON OBJECT::[dbo].[p] TO [u];'],
    },
    {
      name: 'SEC-12 all on an unknown object is MANUAL',
      ase: 'grant all on elsewhere to u',
      tsql: ['THROW 50000'],
      rules: ['SEC-12'],
      outcome: 'flagged',
    },
    {
      name: 'SEC-13 execute',
      ase: 'grant exec on dbo.p to u',
      tsql: ['GRANT EXECUTE ON OBJECT::[dbo].[p] TO [u];'],
      rules: [],
    },
    {
      name: 'SEC-14 statement permissions',
      ase: 'grant create table, create procedure to dev',
      tsql: ['GRANT CREATE TABLE, CREATE PROCEDURE TO [dev];'],
      rules: [],
    },
    {
      name: 'SEC-14 create trigger / create rule have no separate permission: dropped with INFO',
      ase: 'grant create trigger, create view to dev',
      tsql: ['-- SYB2MS-SEC-14', 'GRANT CREATE VIEW TO [dev];'],
      rules: ['SEC-14'],
      outcome: 'converted',
    },
    {
      name: 'SEC-15 with grant option',
      ase: 'grant select on t to u with grant option',
      tsql: ['GRANT SELECT ON OBJECT::[dbo].[t] TO [u] WITH GRANT OPTION;'],
    },
    {
      name: 'SEC-15 revoke grant option for … cascade stays a REVOKE',
      ase: 'revoke grant option for select on t from u cascade',
      tsql: ['REVOKE GRANT OPTION FOR SELECT ON OBJECT::[dbo].[t] FROM [u] CASCADE;'],
      not: ['DENY'],
      rules: [],
    },
    {
      name: 'SEC-16 revoke from a user → DENY with WARN',
      ase: 'revoke select on emp from temp_staff',
      tsql: ['-- SYB2MS-SEC-16', 'DENY SELECT ON OBJECT::[dbo].[emp] TO [temp_staff];'],
      rules: ['SEC-16'],
      outcome: 'converted',
    },
    {
      name: 'SEC-16 revoke from public only removes the grant',
      ase: 'revoke select on emp from public',
      tsql: ['REVOKE SELECT ON OBJECT::[dbo].[emp] FROM [public];'],
      not: ['DENY'],
      rules: [],
    },
    { name: 'SEC-17 grant to public', ase: 'grant select on emp to public', tsql: ['TO [public];'] },
    {
      name: 'SEC-19 grant role is MANUAL',
      ase: 'grant role sales_role to mary',
      tsql: ['THROW 50000'],
      rules: ['SEC-19'],
      outcome: 'flagged',
    },
    {
      name: 'SEC-20 grant set proxy is MANUAL',
      ase: 'grant set proxy to app_user',
      tsql: ['THROW 50000'],
      rules: ['SEC-20'],
      outcome: 'flagged',
    },
    {
      name: 'SEC-21 privilege without equivalent is MANUAL',
      ase: 'grant truncate table on t to u',
      tsql: ['THROW 50000'],
      rules: ['SEC-21'],
      outcome: 'flagged',
    },
    {
      name: 'SEC-22 permission on a system procedure dropped',
      ase: 'grant execute on sp_who to u',
      tsql: ['-- SYB2MS-SEC-22'],
      not: ['GRANT'],
      rules: ['SEC-22'],
      outcome: 'converted',
    },
    {
      name: 'SEC-23 grant create database is BLOCK: comment, no placeholder',
      ase: 'grant create database to dev',
      tsql: ['-- SYB2MS-SEC-23'],
      not: ['THROW', 'GRANT CREATE DATABASE'],
      rules: ['SEC-23'],
      outcome: 'flagged',
    },
    {
      name: 'AZ-02 grant on another database object is MANUAL on Azure',
      ase: 'grant select on otherdb..t to u',
      tsql: ['THROW 50000'],
      rules: ['AZ-02'],
      outcome: 'flagged',
    },
    {
      name: 'LEX-04 principal and names with ] are quoted',
      ase: 'grant select on [a]]b] to [u]]1]',
      tsql: ['ON OBJECT::[dbo].[a]]b] TO [u]]1];'],
    },
  ]);
});

describe('translate: security system procedures (SEC-01 … SEC-07, SYS-28)', () => {
  run([
    {
      name: 'SEC-04 sp_addgroup → CREATE ROLE',
      ase: "exec sp_addgroup 'sales_grp'",
      tsql: ['CREATE ROLE [sales_grp];'],
      rules: [],
      outcome: 'converted',
    },
    {
      name: 'SEC-02 sp_adduser login, name, group → CREATE USER + ALTER ROLE',
      ase: "exec sp_adduser 'jdoe', 'john', 'sales_grp'",
      tsql: ['CREATE USER [john] FOR LOGIN [jdoe];', 'ALTER ROLE [sales_grp] ADD MEMBER [john];'],
      rules: ['SEC-02'],
      outcome: 'converted',
    },
    {
      name: 'named arguments are flagged, not read by position',
      ase: "exec sp_adduser @loginame = 'jdoe', @name_in_db = 'john'",
      tsql: ['THROW 50000'],
      not: ['CREATE USER'],
      codes: ['ASM-STMT-036'],
      outcome: 'flagged',
    },
    {
      name: 'SEC-02 sp_adduser with login only',
      ase: 'exec sp_adduser jdoe',
      tsql: ['CREATE USER [jdoe] FOR LOGIN [jdoe];'],
      not: ['ALTER ROLE'],
    },
    {
      name: 'SEC-03 sp_adduser guest is MANUAL',
      ase: 'exec sp_adduser guest',
      tsql: ['THROW 50000'],
      rules: ['SYS-28'],
      outcome: 'flagged',
    },
    {
      name: 'SEC-04 sp_changegroup → ALTER ROLE ADD MEMBER with WARN',
      ase: "exec sp_changegroup 'sales_grp', 'jdoe'",
      tsql: ['ALTER ROLE [sales_grp] ADD MEMBER [jdoe];'],
      rules: ['SEC-04'],
    },
    {
      name: 'SEC-01 sp_addlogin is MANUAL (passwords cannot be migrated)',
      ase: "exec sp_addlogin 'jdoe', 'secret'",
      tsql: ['THROW 50000'],
      rules: ['SEC-01'],
      outcome: 'flagged',
    },
    {
      name: 'SEC-07 / SYS-28 sp_addalias is MANUAL',
      ase: "exec sp_addalias 'jdoe', 'dbo'",
      tsql: ['THROW 50000'],
      rules: ['SYS-28'],
      outcome: 'flagged',
    },
    {
      name: 'SEC-02 sp_dropuser / sp_dropgroup',
      ase: 'exec sp_dropuser jdoe\ngo\nexec sp_dropgroup g',
      tsql: ['DROP USER [jdoe];', 'DROP ROLE [g];'],
    },
  ]);
});

describe('translate: other system procedures (SYS-2x, SYS-3x, AZ-07)', () => {
  run([
    {
      name: 'SYS-31 sp_procxmode dropped with INFO',
      ase: "exec sp_procxmode 'p', 'anymode'",
      tsql: ['-- SYB2MS-SYS-31'],
      rules: ['SYS-31'],
      outcome: 'converted',
    },
    {
      name: 'SYS-32 sp_hidetext dropped',
      ase: "exec sp_hidetext 'p'",
      tsql: ['-- SYB2MS-SYS-32'],
      rules: ['SYS-32'],
    },
    {
      name: 'SYS-33 storage procedures dropped',
      ase: "exec sp_placeobject seg1, 'dbo.t'",
      tsql: ['-- SYB2MS-SYS-33'],
      rules: ['SYS-33'],
    },
    {
      name: 'SYS-38 replication procedures dropped',
      ase: "exec sp_setreptable t, 'true'",
      tsql: ['-- SYB2MS-SYS-38'],
      rules: ['SYS-38'],
    },
    {
      name: 'DDL-44 sp_rename column',
      ase: "exec sp_rename 'orders.amt', 'amount'",
      tsql: ["EXEC [sys].[sp_rename] N'[dbo].[orders].[amt]', N'amount', N'COLUMN';"],
      rules: [],
    },
    {
      name: 'DDL-44 sp_rename object',
      ase: "exec sp_rename 'old_t', 'new_t'",
      tsql: ["EXEC [sys].[sp_rename] N'[dbo].[old_t]', N'new_t';"],
      rules: [],
    },
    {
      name: 'DDL-44 sp_rename index',
      ase: "exec sp_rename 'orders.ix1', 'ix2', 'index'",
      tsql: ["N'INDEX';"],
    },
    {
      name: 'SYS-25 sp_droptype → DROP TYPE',
      ase: "exec sp_droptype 'ssn_t'",
      tsql: ['DROP TYPE [dbo].[ssn_t];'],
    },
    {
      name: 'SYS-29 sp_dboption is MANUAL',
      ase: "exec sp_dboption salesdb, 'select into', true",
      tsql: ['THROW 50000'],
      rules: ['SYS-29'],
      outcome: 'flagged',
    },
    {
      name: 'AZ-07 sp_configure on Azure is BLOCK (comment only)',
      ase: "exec sp_configure 'number of locks', 50000",
      tsql: ['-- SYB2MS-AZ-07'],
      not: ['THROW'],
      rules: ['AZ-07'],
      outcome: 'flagged',
    },
    {
      name: 'SYS-27 sp_addmessage is MANUAL',
      ase: "exec sp_addmessage 20001, 'bad value'",
      tsql: ['THROW 50000'],
      rules: ['SYS-27'],
      outcome: 'flagged',
    },
    {
      name: 'an unknown system procedure is flagged',
      ase: 'exec sp_whatever 1',
      tsql: ['-- | exec sp_whatever 1', 'THROW 50000'],
      codes: ['ASM-STMT-036'],
      outcome: 'flagged',
    },
  ]);
});

test('every object of a permission statement is reported as a permission entry', () => {
  const r = expectTranslation('grant select on t to a\ngo\nrevoke select on t from b', {});
  assert.deepEqual(
    r.objects.map((o) => [o.type, o.name, o.status]),
    [['permission', 'dbo.t', 'warnings']],
  );
});
