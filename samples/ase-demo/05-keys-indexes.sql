-----------------------------------------------------------------------------
-- DDL for Indexes, unique keys and referential constraints
-----------------------------------------------------------------------------

use asedemo
go

print '<<<<< CREATING Index - "ix_customer_country" >>>>>'
go
create nonclustered index ix_customer_country
on sales.customer(country)
go

print '<<<<< CREATING Index - "ix_orders_cust" >>>>>'
go
create nonclustered index ix_orders_cust
on sales.orders(cust_id, ordered)
go

print '<<<<< CREATING Index - "ux_exchange_rate" >>>>>'
go
-- The only key of sales.exchange_rate is this unique index (chunking uses it).
create unique clustered index ux_exchange_rate
on sales.exchange_rate(currency, rate_date)
go

print '<<<<< CREATING Index - "ux_leave_request" >>>>>'
go
create unique nonclustered index ux_leave_request
on hr.leave_request(req_id)
go

print '<<<<< CREATING Index - "ix_employee_name" >>>>>'
go
create nonclustered index ix_employee_name
on hr.employee(last_name, first_name)
go

alter table sales.customer
add constraint fk_customer_country foreign key (country) references dbo.country(code)
go
alter table sales.orders
add constraint fk_orders_customer foreign key (cust_id) references sales.customer(cust_id)
go
alter table sales.orders
add constraint fk_orders_currency foreign key (currency) references dbo.currency(code)
go
alter table sales.order_line
add constraint fk_order_line_order foreign key (order_id) references sales.orders(order_id)
go
alter table sales.order_line
add constraint fk_order_line_product foreign key (sku) references sales.product(sku)
go
alter table sales.price_history
add constraint fk_price_history_product foreign key (sku) references sales.product(sku)
go
alter table sales.exchange_rate
add constraint fk_exchange_rate_currency foreign key (currency) references dbo.currency(code)
go
alter table hr.department
add constraint fk_department_parent foreign key (parent_id) references hr.department(dept_id)
go
alter table hr.employee
add constraint fk_employee_department foreign key (dept_id) references hr.department(dept_id)
go
alter table hr.employee
add constraint fk_employee_manager foreign key (manager_id) references hr.employee(emp_id)
go
alter table hr.timesheet
add constraint fk_timesheet_employee foreign key (emp_id) references hr.employee(emp_id)
go
alter table hr.leave_request
add constraint fk_leave_request_employee foreign key (emp_id) references hr.employee(emp_id)
go
alter table hr.leave_request
add constraint ck_leave_dates check (to_date >= from_date)
go
alter table hr.shift_clock
add constraint fk_shift_clock_employee foreign key (emp_id) references hr.employee(emp_id)
go

-----------------------------------------------------------------------------
-- Rules and defaults bound to columns (RD-01, RD-10)
-----------------------------------------------------------------------------
exec sp_bindrule 'dbo.positive_rule', 'sales.order_line.qty'
go
exec sp_bindefault 'dbo.zero_dflt', 'sales.product.stock'
go
exec sp_bindefault 'dbo.today_dflt', 'hr.leave_request.from_date'
go
