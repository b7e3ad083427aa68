-- Documents a case keeps (statements, reports, photographs, spreadsheets): checked by what their
-- bytes are, never served as a page. The bytes live here, or in a configured folder (then
-- `bytes` is null and the file is named by the document's id). A document taken off a case keeps
-- its row, who removed it, when and why; its bytes are gone.
create table case_documents (
  id uuid primary key,
  case_id uuid not null references cases(id) on delete cascade,
  file_name text not null,
  kind text not null check (kind in ('pdf', 'jpeg', 'png', 'docx', 'xlsx', 'odt', 'ods', 'text')),
  content_type text not null,
  size_bytes integer not null check (size_bytes > 0),
  sha256 text not null,
  description text not null default '',
  bytes bytea,
  in_folder boolean not null default false,
  uploaded_by uuid not null references users(id),
  uploaded_at timestamptz not null,
  removed_by uuid references users(id),
  removed_at timestamptz,
  removed_reason text,
  check (removed_at is not null or bytes is not null or in_folder)
);
create index case_documents_case_idx on case_documents (case_id, uploaded_at);
