package cn.datahub.exchange;

import java.util.List;

/**
 * An exchange platform (交换平台) as {@code config/platforms.yaml} defines it. A platform may take records
 * ({@code url}), catalogue entries ({@code catalogueUrl}), or both; one with neither is not connected.
 *
 * @param name the name the exchange log and the platform's routes know it by
 * @param nameZh its Chinese name
 * @param url where batches of records are POSTed
 * @param catalogueUrl where catalogue entries are POSTed, and this region's catalogue read back from unless
 * {@code harvestUrl} says otherwise
 * @param harvestUrl where this region's catalogue is read back from, when the platform serves it apart
 * @param timeoutMs how long to wait to connect, and for an answer (default 10 s)
 * @param masked whether personal items are masked before records leave (default true)
 * @param resources the resource codes whose records are sent there; none: every published resource
 */
public record Platform(String name, String nameZh, String url, String catalogueUrl, String harvestUrl, Integer timeoutMs,
		Boolean masked, List<String> resources) {

	/** Whether records are pushed to the platform. */
	boolean takesRecords() {
		return present(this.url);
	}

	/** Whether catalogue entries are pushed to the platform and its catalogue of this region harvested. */
	public boolean exchangesCatalogue() {
		return present(this.catalogueUrl);
	}

	/** Where this region's catalogue is read back from. */
	public String harvestFrom() {
		return present(this.harvestUrl) ? this.harvestUrl : this.catalogueUrl;
	}

	public int timeout() {
		return this.timeoutMs == null ? TargetDefinition.DEFAULT_TIMEOUT_MS : this.timeoutMs;
	}

	/** The platform as a target of records. */
	TargetDefinition target() {
		return new TargetDefinition(this.name, this.nameZh, TargetKind.HTTP, this.url, this.timeoutMs, this.masked,
				this.resources, null, null);
	}

	private static boolean present(String value) {
		return value != null && !value.isBlank();
	}

}
