package cn.datahub.catalogue;

/**
 * A department as submitted: plain strings, so that every field can be checked and reported at once.
 */
public record DepartmentForm(String code, String name, String regionCode, String level) {
}
