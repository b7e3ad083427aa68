-- A child is never below high priority (core bandFor): reports triaged before the rule are raised.
update reports
   set triage_band = 'high',
       triage = case when triage is null then null else jsonb_set(triage, '{band}', '"high"') end
 where involves_child
   and triage_band in ('low', 'medium');
