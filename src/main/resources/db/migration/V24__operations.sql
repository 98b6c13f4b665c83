-- hand-ins of the last hour (a gauge read every 15 s): the recent versions without reading every version of the year
CREATE INDEX duban_report_submitted ON duban_report (submitted_at);
