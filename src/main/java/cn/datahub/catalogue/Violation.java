package cn.datahub.catalogue;

/**
 * One broken rule, naming the field it concerns, in English and in Chinese.
 */
public record Violation(String field, String message, String messageZh) {
}
