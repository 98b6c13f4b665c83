-- A unit withdrawn from a running campaign (#27 item 3): duban's own action, by the section, with its reason; the
-- unit's row says WITHDRAWN and its report instance ends through the model (单位已撤销), never deleted by hand.
CREATE TABLE duban_unit_withdrawal (
    campaign_id   VARCHAR(64)   NOT NULL,
    unit_code     VARCHAR(64)   NOT NULL,
    status_before VARCHAR(20)   NOT NULL,
    reason        VARCHAR(2000) NOT NULL,
    withdrawn_by  VARCHAR(64)   NOT NULL,
    withdrawn_at  TIMESTAMP     NOT NULL,
    PRIMARY KEY (campaign_id, unit_code),
    FOREIGN KEY (campaign_id, unit_code) REFERENCES duban_campaign_unit (campaign_id, unit_code)
);
