package cn.datahub.exchange;

import java.util.Map;

/**
 * One record as a source gave it: its position in the source (line or row), its raw text for the dead-letter
 * store, and its values by column or property name (an item's name or its Chinese title).
 */
public record SourceRecord(long line, String raw, Map<String, Object> values) {
}
