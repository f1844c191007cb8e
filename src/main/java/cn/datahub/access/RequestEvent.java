package cn.datahub.access;

/**
 * A change to a request or its grant, as the parties are told of it.
 */
enum RequestEvent {

	SUBMITTED("submitted, awaiting review", "已提交，待审核"),

	GRANTED("granted at once: the resource is shared unconditionally", "无条件共享资源，已自动授权"),

	PASSED_COMPLIANCE("passed the data authority's compliance check, awaiting the provider's decision",
			"已通过大数据主管部门合规审查，待提供部门审批"),

	APPROVED("approved", "已批准"),

	REJECTED("rejected", "已驳回"),

	REVOKED("grant revoked by the provider", "授权已被提供部门撤销"),

	EXPIRED("grant expired after its last day", "授权已到期");

	private final String message;

	private final String messageZh;

	RequestEvent(String message, String messageZh) {
		this.message = message;
		this.messageZh = messageZh;
	}

	String message(AccessRequest r, String reason) {
		return "Access request " + r.id() + " of " + r.consumerCode() + " for " + r.resourceCode() + ": " + this.message
				+ (reason == null ? "" : " (" + reason + ")");
	}

	String messageZh(AccessRequest r, String reason) {
		return "共享申请" + r.id() + "（申请部门" + r.consumerCode() + "，资源" + r.resourceCode() + "）：" + this.messageZh
				+ (reason == null ? "" : "（" + reason + "）");
	}

}
