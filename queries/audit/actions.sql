-- audit_actions: the kinds of action recorded so far (the audit page's filter), with their counts.
-- params: none
select action, cast(count(*) as integer) as n from audit_log group by action order by action
