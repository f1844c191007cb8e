-- Attachments no longer name key items. A record version is told apart by the SHA-256 of its whole Avro form, key
-- and all (V10), so the items that identified a record decided nothing, and building each record's key from them
-- cost a run more than its idempotency did. The hub reads stored settings as strictly as it reads a request, so the
-- setting is taken out of them; it always followed "kind" in the JSON the hub wrote.
update exchange_attachment
   set settings = regexp_replace(settings, ',"keyItems":\[[^\]]*\]', '')
 where settings like '%"keyItems"%';
