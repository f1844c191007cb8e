-- The audit trail: every change, login and refused action, appended and never updated. Each entry carries the
-- SHA-256 of the one before it (previous_hash) and its own (hash), over the fields as the README's "Audit trail"
-- section spells them out, so an entry altered, removed or slipped in breaks the chain.
create table audit_entry (
    seq            bigint        primary key,
    recorded_at    timestamp with time zone not null,
    actor          varchar(100)  not null,
    department     varchar(64),
    remote_address varchar(64),
    -- resource.update, login.failed, access.refused ...
    action         varchar(64)   not null,
    -- resource:371525-GA-0001, target:city-platform ...
    subject        varchar(300)  not null,
    -- DONE, REFUSED, FAILED
    outcome        varchar(16)   not null,
    detail         varchar(2000),
    before_value   clob,
    after_value    clob,
    previous_hash  varchar(64)   not null,
    hash           varchar(64)   not null
);

-- The filters of GET /api/audit: each narrows by its column, newest first.
create index audit_entry_time on audit_entry (recorded_at);
create index audit_entry_actor on audit_entry (actor, seq);
create index audit_entry_action on audit_entry (action, seq);
create index audit_entry_subject on audit_entry (subject, seq);
create index audit_entry_department on audit_entry (department, seq);

-- The chain's head: the last entry's sequence and hash. Appends lock this one row (select ... for update), so the
-- chain stays a single line across threads and hub instances sharing the database; verify compares the last
-- entry with it, so an entry removed from the end or added after it is found too.
create table audit_head (
    id   int         primary key check (id = 1),
    seq  bigint      not null,
    hash varchar(64) not null
);

insert into audit_head (id, seq, hash) values (1, 0, '0000000000000000000000000000000000000000000000000000000000000000');
