-- Everything a reporter gives is kept where the team reads it (issue 17):
-- what a person looks like, whether someone is in danger now, and a person whose part the
-- reporter did not know ('unknown') rather than a guess.
alter table report_persons add column description text;
alter table report_persons drop constraint report_persons_role_check;
alter table report_persons add constraint report_persons_role_check check (role in ('potential_victim', 'suspect', 'witness', 'reporter', 'unknown'));
alter table reports add column danger_now boolean not null default false;
update reports set danger_now = true where triage -> 'contributions' @> '[{"id": "risk_to_life"}]'::jsonb;
-- A report "happening to me" used to add a person with nothing known; the relation says it already.
delete from report_persons p
 where p.role = 'potential_victim'
   and p.given_name is null and p.family_name is null and p.dob is null and p.gender is null
   and p.nationality is null and p.phone is null and p.address is null and p.postcode is null and p.town is null
   and exists (select 1 from reports r where r.id = p.report_id and r.source = 'public');
