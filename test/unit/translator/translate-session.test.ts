import { describe } from 'node:test';
import { runTranslationCases } from './translate-helpers';

const run = runTranslationCases;

describe('translate: use (AZ-01, SYS-70)', () => {
  run([
    {
      name: 'AZ-01 use on Azure SQL Database: comment only, BLOCK',
      ase: 'use salesdb',
      tsql: ['-- SYB2MS-AZ-01 use salesdb', '-- | use salesdb'],
      not: ['USE [', 'THROW'],
      codes: ['ASM-AZ-001'],
      rules: ['AZ-01'],
      outcome: 'flagged',
    },
    {
      name: 'SYS-70 use on SQL Server is kept, bracket-quoted',
      ase: 'use [sales]]db]',
      options: { target: 'sqlserver' },
      tsql: ['USE [sales]]db];'],
      rules: [],
      outcome: 'converted',
    },
  ]);
});

describe('translate: setuser (SEC-09, SYS-54)', () => {
  run([
    {
      name: "SEC-09 setuser 'u' → EXECUTE AS USER with a WARN comment",
      ase: "setuser 'mary'",
      tsql: ['-- SYB2MS-SEC-09', "EXECUTE AS USER = N'mary';"],
      rules: ['SEC-09'],
      outcome: 'converted',
    },
    {
      name: 'SEC-09 quote in the user name is doubled',
      ase: 'setuser "o\'neil"',
      tsql: ["EXECUTE AS USER = N'o''neil';"],
      rules: ['SEC-09'],
    },
    {
      name: 'SEC-09 plain setuser → REVERT',
      ase: 'setuser',
      tsql: ['REVERT;'],
      rules: ['SEC-09'],
      outcome: 'converted',
    },
    {
      name: 'SYS-54 set session authorization → EXECUTE AS USER',
      ase: "set session authorization 'mary'",
      tsql: ["EXECUTE AS USER = N'mary';"],
      rules: ['SEC-09'],
    },
  ]);
});

describe('translate: print (MSG-01)', () => {
  run([
    {
      name: 'print of one literal is kept',
      ase: "print 'done'",
      tsql: ["PRINT N'done';"],
      rules: [],
      outcome: 'converted',
    },
    {
      name: 'LEX-01 print of a "..." literal becomes N\'...\'',
      ase: 'print "it\'s done"',
      tsql: ["PRINT N'it''s done';"],
      rules: [],
      outcome: 'converted',
    },
    {
      name: 'MSG-01 print with placeholders is flagged MANUAL',
      ase: 'print "loaded %1! rows", @n',
      tsql: ['-- | print "loaded %1! rows", @n', 'THROW 50000'],
      codes: ['ASM-STMT-002'],
      rules: ['MSG-01'],
      outcome: 'flagged',
    },
    {
      name: 'MSG-01 print of an identifier (quoted_identifier on) is flagged',
      ase: 'set quoted_identifier on\ngo\nprint "col"',
      tsql: ['THROW 50000'],
      rules: ['SYS-43', 'MSG-01'],
    },
  ]);
});

describe('translate: set options (SYS-40 … SYS-59)', () => {
  run([
    {
      name: 'SYS-40 set nocount on',
      ase: 'set nocount on',
      tsql: ['SET NOCOUNT ON;'],
      rules: [],
      outcome: 'converted',
    },
    {
      name: 'SYS-42 set textsize',
      ase: 'set textsize 65536',
      tsql: ['SET TEXTSIZE 65536;'],
      rules: [],
      outcome: 'converted',
    },
    {
      name: 'SYS-41 set rowcount kept with INFO',
      ase: 'set rowcount 100',
      tsql: ['SET ROWCOUNT 100;'],
      rules: ['SYS-41'],
      outcome: 'converted',
    },
    {
      name: 'SYS-43 set quoted_identifier dropped (generated code always ON)',
      ase: 'set quoted_identifier on',
      tsql: ['-- SYB2MS-SYS-43'],
      not: ['SET QUOTED'],
      rules: ['SYS-43'],
      outcome: 'converted',
    },
    {
      name: 'SYS-44 set ansinull off dropped with WARN',
      ase: 'set ansinull off',
      tsql: ['-- SYB2MS-SYS-44'],
      not: ['SET ANSI'],
      rules: ['SYS-44'],
      outcome: 'converted',
    },
    {
      name: 'SYS-47 set chained on → IMPLICIT_TRANSACTIONS',
      ase: 'set chained on',
      tsql: ['SET IMPLICIT_TRANSACTIONS ON;'],
      rules: ['SYS-47'],
      outcome: 'converted',
    },
    {
      name: 'SYS-48 isolation level number → name',
      ase: 'set transaction isolation level 3',
      tsql: ['SET TRANSACTION ISOLATION LEVEL SERIALIZABLE;'],
      rules: [],
    },
    {
      name: 'SYS-49 dateformat / datefirst / language',
      ase: 'set dateformat dmy\nset datefirst 1\nset language us_english',
      tsql: ['SET DATEFORMAT dmy;', 'SET DATEFIRST 1;', "SET LANGUAGE N'us_english';"],
      rules: [],
    },
    {
      name: 'SYS-51 set proc_return_status dropped',
      ase: 'set proc_return_status off',
      tsql: ['-- SYB2MS-SYS-51'],
      rules: ['SYS-51'],
      outcome: 'converted',
    },
    {
      name: 'SYS-51 set export_options is MANUAL',
      ase: 'set export_options on',
      tsql: ['THROW 50000'],
      rules: ['SYS-51'],
      outcome: 'flagged',
    },
    {
      name: 'SYS-52 set self_recursion is MANUAL',
      ase: 'set self_recursion on',
      tsql: ['THROW 50000'],
      rules: ['SYS-52'],
      outcome: 'flagged',
    },
    {
      name: 'SYS-53 set role is MANUAL',
      ase: 'set role "sales_role" on',
      tsql: ['THROW 50000'],
      rules: ['SYS-53'],
      outcome: 'flagged',
    },
    {
      name: 'SYS-55 set identity_insert keeps the table, bracketed',
      ase: 'set identity_insert dbo.orders on',
      tsql: ['SET IDENTITY_INSERT [dbo].[orders] ON;'],
      rules: [],
    },
    {
      name: 'SYS-56 set forceplan dropped',
      ase: 'set forceplan on',
      tsql: ['-- SYB2MS-SYS-56'],
      rules: ['SYS-56'],
    },
    {
      name: 'SYS-57 set triggers off is MANUAL',
      ase: 'set triggers off',
      tsql: ['THROW 50000'],
      rules: ['SYS-57'],
      outcome: 'flagged',
    },
    {
      name: 'SYS-58 close on endtran → CURSOR_CLOSE_ON_COMMIT',
      ase: 'set close on endtran on',
      tsql: ['SET CURSOR_CLOSE_ON_COMMIT ON;'],
      rules: [],
    },
    {
      name: 'SYS-59 set parallel_degree dropped',
      ase: 'set parallel_degree 4',
      tsql: ['-- SYB2MS-SYS-59'],
      rules: ['SYS-59'],
    },
    {
      name: 'unknown option is flagged, never dropped',
      ase: 'set lock wait 5',
      tsql: ['-- | set lock wait 5', 'THROW 50000'],
      codes: ['ASM-STMT-024'],
      outcome: 'flagged',
    },
    {
      name: 'an unexpected value is flagged, not passed through',
      ase: 'set nocount maybe',
      tsql: ['THROW 50000'],
      codes: ['ASM-STMT-024'],
      outcome: 'flagged',
    },
  ]);
});
