package cn.datahub.catalogue;

/**
 * A resource's lifecycle: DRAFT → PUBLISHED → RETIRED.
 */
public enum ResourceStatus implements Labelled {

	DRAFT("草稿"),

	PUBLISHED("已发布"),

	RETIRED("已停用");

	private final String label;

	ResourceStatus(String label) {
		this.label = label;
	}

	@Override
	public String label() {
		return this.label;
	}

}
