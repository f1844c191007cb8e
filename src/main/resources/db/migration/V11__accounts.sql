-- The hub's own accounts: people and service accounts signing in with a password, and people of the unified
-- identity provider (统一身份认证) whose token names them (no password here). Roles are bound to the account's
-- department; an auditor's to its region.
create table account (
    username        varchar(64)  primary key,
    -- Shiro's crypt format ($shiro2$argon2id$...); null for accounts that sign in only through the identity provider.
    password_hash   varchar(255),
    department_code varchar(18),
    region_code     varchar(12),
    roles           varchar(200) not null,
    failed_logins   int          not null default 0,
    locked_until    timestamp with time zone,
    created_at      timestamp with time zone not null,
    updated_at      timestamp with time zone not null
);
