-- Online accounts and adverts, bank accounts and identity documents a report mentions: entities
-- of the picture like phones and vehicles, each resolved by a normalised identity (core
-- `identifiers`).
create table report_online (
  id uuid primary key,
  report_id uuid not null references reports(id) on delete cascade,
  -- As written: a web address, a user name or an e-mail address; the platform when known.
  identifier text not null,
  platform text,
  description text
);
create index report_online_report_idx on report_online (report_id);

create table report_bank_accounts (
  id uuid primary key,
  report_id uuid not null references reports(id) on delete cascade,
  bank text,
  sort_code text,
  account_number text,
  iban text,
  holder text,
  check (account_number is not null or iban is not null)
);
create index report_bank_accounts_report_idx on report_bank_accounts (report_id);

create table report_documents (
  id uuid primary key,
  report_id uuid not null references reports(id) on delete cascade,
  type text not null check (type in ('passport', 'national_id', 'residence_permit', 'visa', 'driving_licence', 'travel_document', 'other')),
  number text not null,
  country text,
  holder text,
  -- Where it is: held by the person, kept by someone else, seized…
  description text
);
create index report_documents_report_idx on report_documents (report_id);

alter table entities drop constraint entities_kind_check;
alter table entities add constraint entities_kind_check
  check (kind in ('person', 'phone', 'vehicle', 'business', 'address', 'online', 'bank_account', 'document'));
alter table entity_records drop constraint entity_records_kind_check;
alter table entity_records add constraint entity_records_kind_check
  check (kind in ('person', 'phone', 'vehicle', 'business', 'address', 'online', 'bank_account', 'document'));
alter table seed_truth drop constraint seed_truth_record_type_check;
alter table seed_truth add constraint seed_truth_record_type_check
  check (record_type in ('person', 'phone', 'vehicle', 'business', 'online', 'bank_account', 'document'));
