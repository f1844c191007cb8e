package cn.datahub.exchange;

import java.io.IOException;

/**
 * A target that answered and refused a batch (an HTTP 4xx): sending the same records again would be refused
 * again, so the source is set aside with the target's answer instead of being retried.
 */
public class TargetRefused extends IOException {

	TargetRefused(String message, Throwable cause) {
		super(message, cause);
	}

}
