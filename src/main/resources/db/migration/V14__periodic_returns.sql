-- Periodic returns (issue 15): a notice signed off once (the series' own campaign) and its periods, each opened by
-- duban on its date as a campaign of its own, with its own due date, reminders and summary.
CREATE TABLE duban_series_period (
    series_id    VARCHAR(64)  NOT NULL REFERENCES duban_campaign (id),
    period_no    INT          NOT NULL,
    label        VARCHAR(100) NOT NULL,
    opens_on     DATE         NOT NULL,
    due_date     DATE         NOT NULL,
    period_month VARCHAR(7)   NOT NULL,
    campaign_id  VARCHAR(64)  REFERENCES duban_campaign (id),
    opened_at    TIMESTAMP,
    PRIMARY KEY (series_id, period_no)
);
CREATE INDEX duban_series_period_campaign ON duban_series_period (campaign_id);

-- a unit that missed a period of a return that carries over: the period whose figures it was given
ALTER TABLE duban_campaign_unit ADD COLUMN carried_from VARCHAR(64);
-- the version holding those figures, marked as carried over
ALTER TABLE duban_report ADD COLUMN carried_over BOOLEAN DEFAULT FALSE NOT NULL;
