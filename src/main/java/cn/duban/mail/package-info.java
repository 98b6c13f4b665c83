/**
 * Mail that is never lost and never sent twice: an outbox table written in the event's transaction,
 * a sender that works it with retries and back-off, Chinese templates, and the demo's embedded SMTP server.
 */
package cn.duban.mail;
