/**
 * The audit trail: every change, login and refused action, hash-chained so that an entry altered, removed or
 * slipped in is found. {@link cn.datahub.audit.AuditTrail} is where the rest of the hub records; auditors read,
 * export and verify the trail through {@code /api/audit}.
 */
package cn.datahub.audit;
