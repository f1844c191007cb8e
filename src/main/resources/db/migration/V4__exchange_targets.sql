-- Targets an operator added at run time through /api/exchange/targets (the exchange platforms are in
-- config/platforms.yaml). Each HTTP target has a push-http route of its own while its row exists.

create table exchange_target (
    name          varchar(63)   not null primary key,
    name_zh       varchar(200)  not null,
    -- HTTP, FILE
    kind          varchar(16)   not null,
    url           varchar(2000),
    timeout_ms    int           not null,
    masked        boolean       not null,
    -- Resource codes separated by commas; null: every published resource.
    resources     varchar(4000),
    created_at    timestamp with time zone not null
);
