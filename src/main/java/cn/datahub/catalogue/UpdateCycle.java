package cn.datahub.catalogue;

/**
 * How often a resource's data is refreshed.
 */
public enum UpdateCycle implements Labelled {

	REALTIME("实时"),

	DAILY("每日"),

	WEEKLY("每周"),

	MONTHLY("每月"),

	QUARTERLY("每季度"),

	YEARLY("每年"),

	IRREGULAR("不定期");

	private final String label;

	UpdateCycle(String label) {
		this.label = label;
	}

	@Override
	public String label() {
		return this.label;
	}

}
