-- Indexes that hold every column a rate count reads, so the database counts from the index alone and never
-- fetches a resource or history row with its items, schema and snapshot (see RateReportBenchmark).

-- The recount of current figures: published resources by provider and domain. It leads with status, so it
-- also serves every lookup by status, and replaces resource_status.
create index resource_tally on resource (status, provider_code, domain, share_type, open_type);
drop index resource_status;

-- As of a day: each resource's last version before the day ended is found in the first index and read in the
-- second. The first leads with changed_at, so it replaces resource_history_changed.
create index resource_history_as_of on resource_history (changed_at, resource_code, version);
drop index resource_history_changed;
create index resource_history_tally on resource_history (resource_code, version, status, provider_code, domain,
    share_type, open_type);
