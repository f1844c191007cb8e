-- The idempotency check asks, per batch, which of a thousand fingerprints the targets already confirmed for a
-- resource (fingerprint in (...)). H2 looks an IN list up in an index only on the index's first column: with the
-- primary key (target, resource_code, record_key, fingerprint) and exchange_delivery_fingerprint (target,
-- resource_code, fingerprint) it read every record the target had ever confirmed for the resource and compared
-- each with the thousand, so each batch took longer than the one before (see ExchangeBenchmark). Led by the
-- fingerprint, the primary key answers each value with one lookup, and a confirmed record updates one index less.
alter table exchange_delivery drop primary key;
alter table exchange_delivery add primary key (fingerprint, target, resource_code, record_key);
drop index exchange_delivery_fingerprint;
