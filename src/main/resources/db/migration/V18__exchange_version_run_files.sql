-- A merged run of record versions is a file of its own in the versions folder (hub.exchange.versions, see
-- VersionRuns and RunFile), no longer rows of exchange_version_block: a lookup in a large run read its block through
-- H2's page cache, in the heap, which the blocks of a run of millions of versions churned through, one a version.
-- A batch's run, written in the batch's transaction, stays in rows. Runs merged before stay in rows until merged again.

-- Where each block of the run's file ends, in entries from its start, 8 bytes big-endian a block; null for a run
-- whose blocks are rows.
alter table exchange_version_run add column block_ends blob;
