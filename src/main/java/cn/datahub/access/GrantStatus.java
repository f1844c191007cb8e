package cn.datahub.access;

/**
 * A grant delivers data while {@link #ACTIVE}; it ends by itself after its last day or when the provider revokes it.
 */
public enum GrantStatus {

	ACTIVE,

	EXPIRED,

	REVOKED

}
