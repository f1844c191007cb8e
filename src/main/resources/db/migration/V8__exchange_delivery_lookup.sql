-- The idempotency check asks, per batch, which of a thousand fingerprints a target already confirmed for a
-- resource (fingerprint in (...)). H2 looks an IN list up in an index only on the index's first column: with
-- exchange_delivery_fingerprint (target, resource_code, fingerprint) it read every record the target had ever
-- confirmed for the resource and compared each with the thousand, so each batch took longer than the one before
-- (see ExchangeBenchmark). Led by the fingerprint, each value is one index lookup.
create index exchange_delivery_lookup on exchange_delivery (fingerprint, target, resource_code);
drop index exchange_delivery_fingerprint;
