-- Record versions looked up by the first eight bytes of their fingerprint, a BIGINT, instead of the whole 32-byte
-- binary. H2 compares, caches and stores an index of numbers far more cheaply than one of binary strings, and
-- keeping this index is most of what the exchange spends on idempotency beside its own work (see
-- ExchangeBenchmark in the README). The whole fingerprint stays in the row and a lookup compares it too, so two
-- versions that share a head (one pair in about 2^32 a resource at four billion versions) are still told apart.

alter table exchange_record add column fingerprint_head bigint;

-- Big-endian, as the hub computes it (ByteBuffer.getLong of the SHA-256).
update exchange_record set fingerprint_head = cast(substring(fingerprint from 1 for 8) as bigint);

alter table exchange_record alter column fingerprint_head set not null;

drop index exchange_record_fingerprint;

create index exchange_record_fingerprint_head on exchange_record (fingerprint_head);
