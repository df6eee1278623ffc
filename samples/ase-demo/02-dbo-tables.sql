-----------------------------------------------------------------------------
-- DDL for Tables owned by 'dbo'
-----------------------------------------------------------------------------

use asedemo
go

setuser 'dbo'
go

print '<<<<< CREATING Table - "asedemo.dbo.country" >>>>>'
go
create table dbo.country (
	code                            char(2)                          not null,
	name                            varchar(60)                      not null,
	name_local                      univarchar(60)                       null,
	eu_member                       bit                              not null,
	constraint pk_country primary key clustered (code)
)
lock allpages
go

print '<<<<< CREATING Table - "asedemo.dbo.currency" >>>>>'
go
create table dbo.currency (
	code                            char(3)                          not null,
	name                            varchar(40)                      not null,
	minor_unit                      tinyint                          not null,
	rate_to_usd                     float                                null,
	constraint pk_currency primary key clustered (code)
)
lock allpages
go

print '<<<<< CREATING Table - "asedemo.dbo.app_setting" >>>>>'
go
create table dbo.app_setting (
	name                            sysname                          not null,
	value                           varchar(255)                         null,
	updated                         smalldatetime                    not null,
	constraint pk_app_setting primary key clustered (name)
)
lock datapages
go

print '<<<<< CREATING Table - "asedemo.dbo.audit_log" >>>>>'
go
-- A heap on purpose: no primary key or unique index (one chunk, BCP-01).
create table dbo.audit_log (
	logged_at                       datetime                         not null,
	actor                           sysname                          not null,
	action                          varchar(20)                      not null,
	detail                          text                                 null
)
lock datarows
go

print '<<<<< CREATING Table - "asedemo.dbo.type_showcase" >>>>>'
go
-- One column of every ASE type of conversion-rules §1.1.
create table dbo.type_showcase (
	id                              int                              not null,
	c_char                          char(10)                         not null,
	c_char_null                     char(10)                             null,
	c_varchar                       varchar(40)                          null,
	c_nchar                         nchar(10)                            null,
	c_nvarchar                      nvarchar(40)                         null,
	c_unichar                       unichar(10)                          null,
	c_univarchar                    univarchar(40)                       null,
	c_text                          text                                 null,
	c_unitext                       unitext                              null,
	c_image                         image                                null,
	c_binary                        binary(8)                        not null,
	c_varbinary                     varbinary(16)                        null,
	c_bit                           bit                              not null,
	c_tinyint                       tinyint                              null,
	c_smallint                      smallint                             null,
	c_int                           int                                  null,
	c_bigint                        bigint                               null,
	c_usmallint                     unsigned smallint                    null,
	c_uint                          unsigned int                         null,
	c_ubigint                       unsigned bigint                      null,
	c_numeric                       numeric(18,4)                        null,
	c_decimal                       decimal(10,2)                        null,
	c_float                         float                                null,
	c_real                          real                                 null,
	c_double                        double precision                     null,
	c_money                         money                                null,
	c_smallmoney                    smallmoney                           null,
	c_datetime                      datetime                             null,
	c_smalldatetime                 smalldatetime                        null,
	c_date                          date                                 null,
	c_time                          time                                 null,
	c_bigdatetime                   bigdatetime                          null,
	c_bigtime                       bigtime                              null,
	c_timestamp                     timestamp                            null,
	c_sysname                       sysname                              null,
	constraint pk_type_showcase primary key clustered (id)
)
lock datarows
go

print '<<<<< CREATING Table - "asedemo.dbo.history_event" >>>>>'
go
-- Dates before 1753 live in date/bigdatetime columns (ASE datetime cannot hold them).
create table dbo.history_event (
	event_id                        int                              not null,
	happened                        date                             not null,
	happened_at                     bigdatetime                          null,
	precise_time                    bigtime                              null,
	title                           varchar(200)                     not null,
	constraint pk_history_event primary key clustered (event_id)
)
lock datapages
go

print '<<<<< CREATING Table - "asedemo.dbo.document" >>>>>'
go
create table dbo.document (
	doc_id                          int                              identity,
	title                           nvarchar(200)                    not null,
	body                            text                                 null,
	body_u                          unitext                              null,
	attachment                      image                                null,
	created                         datetime                         not null,
	constraint pk_document primary key clustered (doc_id)
)
lock datarows
with identity_gap = 100
go

print '<<<<< CREATING Table - "asedemo.dbo.bench_event" >>>>>'
go
create table dbo.bench_event (
	event_id                        bigint                           not null,
	kind                            varchar(20)                      not null,
	occurred                        datetime                         not null,
	amount                          numeric(14,2)                        null,
	payload                         varchar(200)                         null,
	constraint pk_bench_event primary key clustered (event_id)
)
lock datarows
go

setuser
go
