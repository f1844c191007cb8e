package cn.datahub.catalogue;

/**
 * The resource categories of the national catalogue standard; BASE resources are always shared unconditionally (国发〔2016〕51号).
 */
public enum Category implements Labelled {

	BASE("基础"),

	THEME("主题"),

	DEPARTMENT("部门");

	private final String label;

	Category(String label) {
		this.label = label;
	}

	@Override
	public String label() {
		return this.label;
	}

}
