-----------------------------------------------------------------------------
-- DDL for Tables owned by 'hr'
-----------------------------------------------------------------------------

use asedemo
go

setuser 'hr'
go

print '<<<<< CREATING Table - "asedemo.hr.department" >>>>>'
go
create table hr.department (
	dept_id                         smallint                         not null,
	name                            varchar(60)                      not null,
	parent_id                       smallint                             null,
	constraint pk_department primary key clustered (dept_id)
)
lock allpages
go

print '<<<<< CREATING Table - "asedemo.hr.employee" >>>>>'
go
create table hr.employee (
	emp_id                          int                              identity,
	dept_id                         smallint                         not null,
	first_name                      univarchar(40)                   not null,
	last_name                       univarchar(40)                   not null,
	birth_date                      date                             not null,
	hired                           datetime                         not null,
	salary                          money                            not null,
	bonus_pct                       numeric(5,2)                         null,
	badge                           binary(4)                        not null,
	manager_id                      int                                  null,
	full_name                       compute first_name + ' ' + last_name,
	constraint pk_employee primary key clustered (emp_id)
)
lock datarows
go

print '<<<<< CREATING Table - "asedemo.hr.timesheet" >>>>>'
go
create table hr.timesheet (
	emp_id                          int                              not null,
	work_date                       date                             not null,
	start_time                      time                             not null,
	end_time                        time                                 null,
	hours                           numeric(4,2)                         null,
	constraint pk_timesheet primary key clustered (emp_id, work_date)
)
lock datarows
go

print '<<<<< CREATING Table - "asedemo.hr.leave_request" >>>>>'
go
create table hr.leave_request (
	req_id                          int                              identity,
	emp_id                          int                              not null,
	from_date                       date                             not null,
	to_date                         date                             not null,
	reason                          varchar(200)                         null,
	approved                        bit                              not null
)
lock datapages
go

print '<<<<< CREATING Table - "asedemo.hr.shift_clock" >>>>>'
go
create table hr.shift_clock (
	clock_id                        bigint                           not null,
	emp_id                          int                              not null,
	punched                         bigdatetime                      not null,
	punch_time                      bigtime                          not null,
	device                          varbinary(8)                         null,
	constraint pk_shift_clock primary key clustered (clock_id)
)
lock datarows
go

setuser
go
