package cn.datahub.access;

import java.time.Instant;

/**
 * One notice in a department's inbox.
 *
 * @param readAt when someone of the department marked it read; null while unread
 */
record Notification(long id, long requestId, Long grantId, String event, String message, String messageZh,
		Instant createdAt, Instant readAt) {
}
