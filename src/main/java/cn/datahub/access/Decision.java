package cn.datahub.access;

import java.time.LocalDate;
import java.util.List;

/**
 * An approver's decision on the stage a request waits in. Approving at the provider's stage may narrow the items
 * ({@code fields}, a subset of those asked for) and shorten the period ({@code validUntil}), and may say the items
 * go out unmasked ({@code masked: false}); rejecting needs a {@code decisionReason}.
 */
record Decision(List<String> fields, LocalDate validUntil, Boolean masked, String decisionReason) {

	static final Decision NONE = new Decision(null, null, null, null);

	boolean changesTheGrant() {
		return this.fields != null || this.validUntil != null || this.masked != null;
	}

}
