package cn.datahub.access;

/**
 * How a request for a region's resource is reviewed, as {@code config/access.yaml} sets it for that region.
 *
 * @param dataAuthority the department whose approvers check compliance first; null: the provider decides alone
 * @param complianceDays the working days the compliance check may take
 * @param providerDays the working days the provider's decision may take, from the day the request reaches it
 */
record ReviewPlan(String dataAuthority, int complianceDays, int providerDays) {

	boolean hasComplianceStage() {
		return this.dataAuthority != null;
	}

}
