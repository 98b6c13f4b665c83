-- 邮件: each person reads the mails duban addressed to them, newest first
CREATE INDEX duban_outbox_recipient ON duban_outbox (recipient, created_at);
