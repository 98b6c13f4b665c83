-- the unit's unfinished report (figures, summary, note, kept attachments as the form's JSON), saved as it is
-- typed and on 暂存, one per unit and campaign; it is not a version and goes when the report is handed in
CREATE TABLE duban_report_draft (
    campaign_id VARCHAR(64) NOT NULL,
    unit_code   VARCHAR(64) NOT NULL,
    content     TEXT        NOT NULL,
    saved_by    VARCHAR(64) NOT NULL,
    saved_at    TIMESTAMP   NOT NULL,
    PRIMARY KEY (campaign_id, unit_code),
    FOREIGN KEY (campaign_id, unit_code) REFERENCES duban_campaign_unit (campaign_id, unit_code)
);
