-- Whether an agency is a First Responder Organisation for the National Referral Mechanism: only
-- those may label what they send as an NRM referral. Police, local authorities, the Home Office
-- and the GLAA are by statute; a charity is only if designated, so an administrator says so.
alter table agencies add column first_responder boolean not null default false;
update agencies set first_responder = true where kind in ('police', 'local_authority', 'home_office', 'glaa');
