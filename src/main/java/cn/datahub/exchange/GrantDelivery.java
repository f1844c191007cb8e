package cn.datahub.exchange;

import java.util.List;

/**
 * How a consumer's grant is delivered: one resource's records, just the granted items, to a target of the grant's
 * own.
 *
 * @param name the target's name (the grant's)
 * @param nameZh its Chinese name
 * @param resourceCode the granted resource
 * @param fields the granted items
 * @param masked whether personal items are masked on the way
 * @param url where the records are POSTed; null with no {@code basedOn}: Avro files in the outbox under the name
 * @param basedOn a target of the consumer's whose endpoint (URL or table) the grant's target uses
 */
public record GrantDelivery(String name, String nameZh, String resourceCode, List<String> fields, boolean masked,
		String url, String basedOn) {
}
