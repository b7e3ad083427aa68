-- Follow-up guessing is slowed per reference and client (sign_in_throttle), not locked for an
-- hour that ten strangers' requests could renew to shut the reporter out.
alter table report_follow_up drop column failed_attempts, drop column locked_until;
