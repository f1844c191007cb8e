package cn.datahub.catalogue;

/**
 * How a resource is opened to society.
 */
public enum OpenType implements Labelled {

	UNCONDITIONAL("无条件开放"),

	CONDITIONAL("有条件开放"),

	NOT_OPEN("不予开放");

	private final String label;

	OpenType(String label) {
		this.label = label;
	}

	@Override
	public String label() {
		return this.label;
	}

}
