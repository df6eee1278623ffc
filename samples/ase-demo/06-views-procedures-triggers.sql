-----------------------------------------------------------------------------
-- DDL for Views, Procedures and Triggers (defncopy style; carried verbatim for now)
-----------------------------------------------------------------------------

use asedemo
go

setuser 'sales'
go

print '<<<<< CREATING View - "sales.v_order_totals" >>>>>'
go
create view sales.v_order_totals
as
select o.order_id, c.name customer, o.ordered, o.currency,
       sum(l.qty * l.unit_price) gross, count(*) lines
from sales.orders o, sales.customer c, sales.order_line l
where c.cust_id = o.cust_id
  and l.order_id = o.order_id
group by o.order_id, c.name, o.ordered, o.currency
go

print '<<<<< CREATING Procedure - "sales.p_place_order" >>>>>'
go
create procedure sales.p_place_order
    @cust_id  int,
    @currency char(3),
    @note     varchar(255) = null,
    @order_id numeric(12,0) output
as
begin
    if not exists (select 1 from sales.customer where cust_id = @cust_id)
    begin
        raiserror 20001 'unknown customer %1!', @cust_id
        return -1
    end
    insert sales.orders (cust_id, ordered, currency, note, total)
    values (@cust_id, getdate(), @currency, @note, 0)
    select @order_id = @@identity
    return 0
end
go

print '<<<<< CREATING Trigger - "sales.tr_orders_audit" >>>>>'
go
create trigger sales.tr_orders_audit
on sales.orders
for insert, update
as
begin
    insert dbo.audit_log (logged_at, actor, action, detail)
    select getdate(), suser_name(), 'orders', 'order ' + convert(varchar(20), order_id)
    from inserted
end
go

setuser
go

setuser 'hr'
go

print '<<<<< CREATING View - "hr.v_employee_dir" >>>>>'
go
create view hr.v_employee_dir
as
select e.emp_id, e.last_name, e.first_name, d.name department, m.last_name manager
from hr.employee e, hr.department d, hr.employee m
where d.dept_id = e.dept_id
  and m.emp_id =* e.manager_id
go

print '<<<<< CREATING Procedure - "hr.p_give_raise" >>>>>'
go
create procedure hr.p_give_raise
    @dept_id smallint,
    @pct     numeric(5,2)
as
begin
    declare @rows int
    begin tran
    update hr.employee
       set salary = salary * (1 + @pct / 100)
     where dept_id = @dept_id
    select @rows = @@rowcount
    if @@error != 0
    begin
        rollback tran
        return -1
    end
    commit tran
    print 'raised %1! salaries', @rows
    return 0
end
go

setuser
go

grant select on sales.v_order_totals to public
go
grant execute on sales.p_place_order to public
go
