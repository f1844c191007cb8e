-- The catalogue exchange with the upper platforms: how far each platform has taken the catalogue's changes, and
-- the platforms' catalogue entries of this region harvested back.

-- One row per platform with a catalogueUrl. The push walks resource_history in id order: last_history_id is the
-- last change the platform confirmed (or that did not concern it, a draft); pending_to the end of a batch sent and
-- not confirmed yet, so that it is sent again exactly as it was (same changes, same batch id). A refused batch (4xx)
-- holds the platform's push until an operator resumes it.
create table catalogue_push_cursor (
    platform        varchar(63)   not null primary key,
    last_history_id bigint        not null,
    pending_to      bigint,
    held_since      timestamp with time zone,
    last_error      varchar(4000),
    updated_at      timestamp with time zone not null
);

-- Entries read back from a platform's catalogue (数据回流), one per platform and code, the highest version kept.
create table catalogue_harvested (
    platform      varchar(63)   not null,
    code          varchar(64)   not null,
    name          varchar(500)  not null,
    provider_code varchar(64)   not null,
    provider_name varchar(500)  not null,
    region_code   varchar(6)    not null,
    domain        varchar(64)   not null,
    share_type    varchar(16)   not null,
    open_type     varchar(16)   not null,
    status        varchar(16)   not null,
    version       int           not null,
    updated_at    timestamp with time zone not null,
    -- the entry as the platform sent it, in Avro's JSON encoding of CatalogueEntry
    entry         clob          not null,
    harvested_at  timestamp with time zone not null,
    primary key (platform, code)
);

create index catalogue_harvested_region on catalogue_harvested (region_code, platform, code);
