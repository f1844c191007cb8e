package cn.datahub.exchange;

import java.time.Instant;

/**
 * A source attached to a published resource, with its health as the routes last left it.
 */
public record Attachment(long id, String resourceCode, String kind, AttachmentForm.Http http,
		AttachmentForm.Jdbc jdbc, AttachmentForm.Folder file, Instant createdAt, Health health) {

	static final String HTTP = "HTTP";

	static final String JDBC = "JDBC";

	static final String FILE = "FILE";

	/** No route: the department system pushes its records to the hub ({@code POST .../{id}/records}). */
	static final String PUSH = "PUSH";

	/** The Camel route that reads this attachment. */
	String routeId() {
		return "attachment-" + this.id;
	}

	/**
	 * How the attachment fares.
	 *
	 * @param watermark how far the source has been read and acknowledged (the greatest update time or sequence)
	 * @param lagSeconds seconds since the last success; null before the first
	 * @param consecutiveFailures failed runs since the last success
	 */
	public record Health(String watermark, Instant lastSuccess, Long lagSeconds, int consecutiveFailures,
			Instant lastFailure, String lastError) {
	}

}
