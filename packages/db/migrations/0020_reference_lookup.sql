-- A report is found by its reference or its reporter's code however it is typed (see
-- report-reference.ts): the compacted forms are indexed so search and the queue need no table scan.
create index reports_compact_reference on reports ((regexp_replace(upper(reference), '[^A-Z0-9]', '', 'g')));
create index report_follow_up_compact_code on report_follow_up ((regexp_replace(upper(reference_code), '[^A-Z0-9]', '', 'g')));
