package cn.datahub.exchange;

/**
 * Why a record cannot be exchanged: the item at fault (if one) and the reason, in English and Chinese.
 */
public record Rejection(String field, String reason, String reasonZh) {
}
