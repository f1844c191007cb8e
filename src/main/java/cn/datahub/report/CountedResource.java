package cn.datahub.report;

/**
 * A resource behind a rate, as a drill-down lists it: whether it counts in the numerator and, when it does not,
 * why, in Chinese and English (不予共享 with the basis cited, 不予开放 ...).
 */
public record CountedResource(String code, String name, String providerCode, String providerName, String regionCode,
		String domain, String shareType, String shareCondition, String notSharedBasis, String openType,
		boolean inNumerator, String reason, String reasonEn) {
}
