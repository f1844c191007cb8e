package cn.datahub.catalogue.reference;

/**
 * The government levels the hub scores; county-level cities and city districts are {@code COUNTY}.
 */
public enum RegionLevel {

	PROVINCE, CITY, COUNTY

}
