-- One postcode form from every producer of reports (portal, referral, spreadsheet, HTCDS): a UK
-- postcode as "NP20 1AB", anything else trimmed, single-spaced and in capitals. The portal and
-- referrals stored "np201ab" as "NP201AB" while imports stored "NP20 1AB", so search and the
-- picture disagreed; the rows stored so far are put in the one form here (core storedPostcode).

update reports set postcode = nullif(upper(regexp_replace(trim(postcode), '\s+', ' ', 'g')), '')
  where postcode is distinct from nullif(upper(regexp_replace(trim(postcode), '\s+', ' ', 'g')), '');
update reports set postcode = regexp_replace(replace(postcode, ' ', ''), '^(.+)([0-9][A-Z]{2})$', '\1 \2')
  where replace(postcode, ' ', '') ~ '^[A-Z]{1,2}[0-9][A-Z0-9]?[0-9][A-Z]{2}$'
    and postcode !~ '^[A-Z]{1,2}[0-9][A-Z0-9]? [0-9][A-Z]{2}$';

update report_addresses set postcode = nullif(upper(regexp_replace(trim(postcode), '\s+', ' ', 'g')), '')
  where postcode is distinct from nullif(upper(regexp_replace(trim(postcode), '\s+', ' ', 'g')), '');
update report_addresses set postcode = regexp_replace(replace(postcode, ' ', ''), '^(.+)([0-9][A-Z]{2})$', '\1 \2')
  where replace(postcode, ' ', '') ~ '^[A-Z]{1,2}[0-9][A-Z0-9]?[0-9][A-Z]{2}$'
    and postcode !~ '^[A-Z]{1,2}[0-9][A-Z0-9]? [0-9][A-Z]{2}$';

update report_persons set postcode = nullif(upper(regexp_replace(trim(postcode), '\s+', ' ', 'g')), '')
  where postcode is distinct from nullif(upper(regexp_replace(trim(postcode), '\s+', ' ', 'g')), '');
update report_persons set postcode = regexp_replace(replace(postcode, ' ', ''), '^(.+)([0-9][A-Z]{2})$', '\1 \2')
  where replace(postcode, ' ', '') ~ '^[A-Z]{1,2}[0-9][A-Z0-9]?[0-9][A-Z]{2}$'
    and postcode !~ '^[A-Z]{1,2}[0-9][A-Z0-9]? [0-9][A-Z]{2}$';

update report_businesses set postcode = nullif(upper(regexp_replace(trim(postcode), '\s+', ' ', 'g')), '')
  where postcode is distinct from nullif(upper(regexp_replace(trim(postcode), '\s+', ' ', 'g')), '');
update report_businesses set postcode = regexp_replace(replace(postcode, ' ', ''), '^(.+)([0-9][A-Z]{2})$', '\1 \2')
  where replace(postcode, ' ', '') ~ '^[A-Z]{1,2}[0-9][A-Z0-9]?[0-9][A-Z]{2}$'
    and postcode !~ '^[A-Z]{1,2}[0-9][A-Z0-9]? [0-9][A-Z]{2}$';
