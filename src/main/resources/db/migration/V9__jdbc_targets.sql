-- JDBC targets: a table of a department database (hub.exchange.push.datasources) records are written into;
-- and targets limited to the items of a grant.
alter table exchange_target add column datasource varchar(100);
alter table exchange_target add column table_name varchar(130);
-- The columns that identify a row, separated by commas; null: the resource's first required item.
alter table exchange_target add column key_columns varchar(1000);
-- A target limited to some items (a consumer's grant), separated by commas; null: every item.
alter table exchange_target add column fields varchar(4000);
