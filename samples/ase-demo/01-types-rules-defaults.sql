-----------------------------------------------------------------------------
-- DDL for database 'asedemo': user types, rules and defaults
-- ase-migrate sample database (written in the style of ddlgen output, ASE 16.0)
-----------------------------------------------------------------------------

use asedemo
go

-----------------------------------------------------------------------------
-- DDL for User Defined Datatypes
-----------------------------------------------------------------------------
print '<<<<< CREATING User Defined Datatype - "zipcode" >>>>>'
go
exec sp_addtype 'zipcode', 'char(5)', 'not null'
go

print '<<<<< CREATING User Defined Datatype - "status_code" >>>>>'
go
exec sp_addtype 'status_code', 'char(1)', 'not null'
go

print '<<<<< CREATING User Defined Datatype - "amount" >>>>>'
go
exec sp_addtype 'amount', 'numeric(12,2)', 'null'
go

print '<<<<< CREATING User Defined Datatype - "email_addr" >>>>>'
go
exec sp_addtype 'email_addr', 'varchar(120)', 'null'
go

-----------------------------------------------------------------------------
-- DDL for Rules
-----------------------------------------------------------------------------
print '<<<<< CREATING Rule - "zip_rule" >>>>>'
go
create rule dbo.zip_rule
as @zip like '[0-9][0-9][0-9][0-9][0-9]'
go

print '<<<<< CREATING Rule - "status_rule" >>>>>'
go
create rule dbo.status_rule
as @s in ('A', 'I', 'S')
go

print '<<<<< CREATING Rule - "positive_rule" >>>>>'
go
create rule dbo.positive_rule
as @v > 0
go

print '<<<<< CREATING Rule - "email_rule" >>>>>'
go
create rule dbo.email_rule
as @e like '%_@_%'
go

-----------------------------------------------------------------------------
-- DDL for Defaults
-----------------------------------------------------------------------------
print '<<<<< CREATING Default - "status_dflt" >>>>>'
go
create default dbo.status_dflt
as 'A'
go

print '<<<<< CREATING Default - "zero_dflt" >>>>>'
go
create default dbo.zero_dflt
as 0
go

print '<<<<< CREATING Default - "today_dflt" >>>>>'
go
create default dbo.today_dflt
as getdate()
go

-----------------------------------------------------------------------------
-- Rules and defaults bound to user types (DT-09: they apply to every column of the type)
-----------------------------------------------------------------------------
exec sp_bindrule 'dbo.zip_rule', 'zipcode'
go
exec sp_bindrule 'dbo.status_rule', 'status_code'
go
exec sp_bindefault 'dbo.status_dflt', 'status_code'
go
exec sp_bindrule 'dbo.email_rule', 'email_addr'
go
