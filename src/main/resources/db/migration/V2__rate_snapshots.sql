-- Monthly snapshots of every scope's rate figures (月度进展): what the trend and the monthly progress report read.

-- One row per month snapshotted: the day its figures stand at (the month's last day once it is over, the day
-- taken while it runs) and when it was taken.
create table rate_snapshot_run (
    period    varchar(7) not null primary key,
    as_of     date       not null,
    taken_at  timestamp with time zone not null,
    scopes    int        not null
);

-- The tallies of each region (with everything below it) and each department, and the targets they were held to.
create table rate_snapshot (
    period          varchar(7)   not null references rate_snapshot_run (period) on delete cascade,
    scope_kind      varchar(16)  not null,
    scope_key       varchar(18)  not null,
    resources       bigint       not null,
    shared          bigint       not null,
    in_domains      bigint       not null,
    opened          bigint       not null,
    open_domains    varchar(1000) not null,
    sharing_target  decimal(7, 6),
    openness_target decimal(7, 6),
    coverage_target decimal(7, 6),
    primary key (period, scope_kind, scope_key)
);

create index rate_snapshot_scope on rate_snapshot (scope_kind, scope_key, period);
