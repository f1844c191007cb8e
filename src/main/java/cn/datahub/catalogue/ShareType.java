package cn.datahub.catalogue;

/**
 * How a resource is shared between departments.
 */
public enum ShareType implements Labelled {

	UNCONDITIONAL("无条件共享"),

	CONDITIONAL("有条件共享"),

	NOT_SHARED("不予共享");

	private final String label;

	ShareType(String label) {
		this.label = label;
	}

	@Override
	public String label() {
		return this.label;
	}

}
