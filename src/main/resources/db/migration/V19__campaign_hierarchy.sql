-- A campaign keeps the hierarchy it was issued with (#27 item 5): the intermediate unit each unit reports to in a
-- two-level roll-up, fixed when the campaign enrols its units. Moving a unit in the registry later changes no running
-- campaign: neither where its report is reviewed nor who may read it. Existing rows take the registry as it is now.
ALTER TABLE duban_campaign_unit ADD COLUMN reports_to VARCHAR(64);
UPDATE duban_campaign_unit SET reports_to = (
    SELECT u.parent_code FROM duban_unit u
     WHERE u.code = duban_campaign_unit.unit_code
       AND EXISTS (SELECT 1 FROM duban_campaign_unit p
                    WHERE p.campaign_id = duban_campaign_unit.campaign_id AND p.unit_code = u.parent_code));
CREATE INDEX duban_campaign_unit_reports_to ON duban_campaign_unit (campaign_id, reports_to);
