-- How many people the picture holds under each name and town (each person once per value), counted
-- when people are resolved whole: a part of the picture resolved again (the people around a new
-- record) weighs names by these, not by how common they are among neighbours chosen for sharing
-- them. Each column's total is kept under the empty value.
create table name_counts (
  column_name text not null check (column_name in ('full', 'given', 'family', 'town')),
  value text not null,
  people integer not null check (people >= 0),
  primary key (column_name, value)
);
