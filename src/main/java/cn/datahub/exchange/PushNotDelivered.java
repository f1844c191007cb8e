package cn.datahub.exchange;

/**
 * A pushed batch that not every target confirmed. Nothing is lost: what was confirmed is recorded, and the
 * sender sends the batch again; a target that refused the records (an HTTP 4xx) will refuse them again until
 * they are fixed.
 */
class PushNotDelivered extends RuntimeException {

	private final String batchId;

	PushNotDelivered(String batchId, Throwable cause) {
		super(cause.getMessage() == null ? cause.toString() : cause.getMessage(), cause);
		this.batchId = batchId;
	}

	String batchId() {
		return this.batchId;
	}

	boolean refused() {
		return getCause() instanceof TargetRefused;
	}

}
