package cn.datahub.catalogue.reference;

/**
 * An administrative division (行政区划) keyed by its GB/T 2260 code.
 */
public record Region(String code, String name, String nameEn, RegionLevel level, String parent) {
}
