package cn.datahub.access;

import java.time.LocalDate;
import java.util.List;

/**
 * A request as the consumer submits it to {@code POST /api/access-requests}.
 *
 * @param fields the data items asked for, names of the resource's items
 * @param validUntil the last day the data is to be used; in the future, within the configured maximum period
 * @param deliveryUrl optional: an http(s) URL the granted records are POSTed to
 * @param deliveryTarget optional: an exchange target whose endpoint the granted records go to
 */
record AccessRequestForm(String resourceCode, String consumerCode, String purpose, List<String> fields,
		LocalDate validUntil, String deliveryUrl, String deliveryTarget) {
}
