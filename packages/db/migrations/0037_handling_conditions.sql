-- Intelligence graded with handling code C is passed on only with the conditions the team
-- recorded for it (who may receive it, what they may do with it); P needs none.
alter table reports add column handling_conditions text
  check (handling_conditions is null or char_length(handling_conditions) between 1 and 2000);
