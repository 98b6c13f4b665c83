/**
 * Deadlines kept: reminders to units that have not submitted, the overdue mail, the section's daily
 * digest of missing units, and urging (催办) by a reviewer. Timers in the BPMN call in daily; what is
 * due on a day is decided here and queued in the mail outbox, which never queues the same mail twice.
 */
package cn.duban.reminder;
