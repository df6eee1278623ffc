-----------------------------------------------------------------------------
-- DDL for Tables owned by 'sales'
-----------------------------------------------------------------------------

use asedemo
go

setuser 'sales'
go

print '<<<<< CREATING Table - "asedemo.sales.customer" >>>>>'
go
create table sales.customer (
	cust_id                         int                              identity,
	name                            varchar(80)                      not null,
	zip                             zipcode,
	country                         char(2)                          not null,
	email                           email_addr,
	credit_limit                    money                            default 0 not null,
	status                          status_code,
	created                         datetime                         default getdate() not null,
	constraint pk_customer primary key clustered (cust_id)
)
lock datarows
go

print '<<<<< CREATING Table - "asedemo.sales.product" >>>>>'
go
create table sales.product (
	sku                             varchar(20)                      not null,
	name                            varchar(100)                     not null,
	price                           money                            not null,
	weight_kg                       real                                 null,
	stock                           unsigned int                     not null,
	ean                             varbinary(16)                        null,
	active                          bit                              not null,
	constraint pk_product primary key nonclustered (sku)
)
lock datapages
go

print '<<<<< CREATING Table - "asedemo.sales.orders" >>>>>'
go
create table sales.orders (
	order_id                        numeric(12,0)                    identity,
	cust_id                         int                              not null,
	ordered                         datetime                         not null,
	shipped                         smalldatetime                        null,
	total                           amount,
	currency                        char(3)                          not null,
	note                            varchar(255)                         null,
	row_ts                          timestamp                            null,
	constraint pk_orders primary key clustered (order_id)
)
lock datarows
go

print '<<<<< CREATING Table - "asedemo.sales.order_line" >>>>>'
go
create table sales.order_line (
	order_id                        numeric(12,0)                    not null,
	line_no                         smallint                         not null,
	sku                             varchar(20)                      not null,
	qty                             unsigned smallint                not null,
	unit_price                      smallmoney                       not null,
	discount                        decimal(5,2)                     default 0 not null,
	line_total                      compute qty * unit_price materialized,
	constraint pk_order_line primary key clustered (order_id, line_no)
)
lock datarows
go

print '<<<<< CREATING Table - "asedemo.sales.price_history" >>>>>'
go
create table sales.price_history (
	sku                             varchar(20)                      not null,
	valid_from                      date                             not null,
	valid_to                        date                                 null,
	price                           money                            not null,
	constraint pk_price_history primary key clustered (sku, valid_from)
)
lock allpages
go

print '<<<<< CREATING Table - "asedemo.sales.exchange_rate" >>>>>'
go
create table sales.exchange_rate (
	currency                        char(3)                          not null,
	rate_date                       date                             not null,
	rate                            numeric(18,8)                    not null,
	source_ref                      unsigned bigint                      null
)
lock allpages
go

setuser
go
