-- What each link says (contract LINK_RELATIONS): a suspect controls a potential victim, a person
-- uses a phone or lives at an address, phones called each other… or only that two things were
-- mentioned in one report. Links are directed from `from_record` to `to_record`; a `mentioned` link
-- has no direction. Links stored before this are typed by the upkeep task `link-relations`.
alter table record_links add column relation text not null default 'mentioned'
  check (relation in ('controls', 'called', 'uses_phone', 'lives_at', 'works_at', 'drives', 'mentioned'));
