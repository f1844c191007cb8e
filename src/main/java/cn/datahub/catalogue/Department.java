package cn.datahub.catalogue;

import cn.datahub.catalogue.reference.RegionLevel;

/**
 * A government department (部门) that provides and consumes data, keyed by its unified social credit code.
 */
public record Department(String code, String name, String regionCode, RegionLevel level) {
}
