-- the drafter's unfinished notice (title, 文号, body, deadline and everything the drafting form edits, as the form's
-- JSON), saved as it is typed and on 暂存, one per campaign and drafter, read by that drafter alone; it goes when the
-- notice is handed on to 核稿
CREATE TABLE duban_notice_draft (
    campaign_id VARCHAR(64) NOT NULL,
    drafter     VARCHAR(64) NOT NULL,
    content     TEXT        NOT NULL,
    saved_at    TIMESTAMP   NOT NULL,
    PRIMARY KEY (campaign_id, drafter),
    FOREIGN KEY (campaign_id) REFERENCES duban_campaign (id)
);

-- who handed the notice on to 核稿, and when (the drafter's 已办 lists the notices they drafted)
ALTER TABLE duban_campaign ADD COLUMN drafted_by VARCHAR(64);
ALTER TABLE duban_campaign ADD COLUMN drafted_at TIMESTAMP;

-- a unit sent a running notice after it went out (补发): a unit added to the registry meanwhile, with its own due
-- date, by whom and when (issue 30 §10); its row in duban_campaign_unit is the campaign's like any other's
CREATE TABLE duban_late_addition (
    campaign_id VARCHAR(64)   NOT NULL,
    unit_code   VARCHAR(64)   NOT NULL,
    due_date    DATE          NOT NULL,
    reason      VARCHAR(2000),
    added_by    VARCHAR(64)   NOT NULL,
    added_at    TIMESTAMP     NOT NULL,
    PRIMARY KEY (campaign_id, unit_code),
    FOREIGN KEY (campaign_id, unit_code) REFERENCES duban_campaign_unit (campaign_id, unit_code)
);
