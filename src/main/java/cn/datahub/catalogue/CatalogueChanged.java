package cn.datahub.catalogue;

/**
 * Published inside a catalogue transaction; listeners that act after commit (the index relay) pick up the
 * outbox rows it wrote.
 */
public record CatalogueChanged(int resources) {
}
