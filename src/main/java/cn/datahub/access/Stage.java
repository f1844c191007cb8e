package cn.datahub.access;

/**
 * The review stage a submitted request waits in.
 */
public enum Stage {

	/** The data authority (大数据局) checks that the request is lawful and necessary (合规审查). */
	COMPLIANCE,

	/** The provider department decides (提供部门审批). */
	PROVIDER

}
