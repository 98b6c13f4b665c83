-- A 零报告 is a report (#28 §6): the unit states it has nothing of the kind (无安全隐患，特此零报告); the version is
-- marked so, and the unit's row says whether its current version is one, for every list to label it 零报告.
ALTER TABLE duban_report ADD COLUMN zero_report BOOLEAN DEFAULT FALSE NOT NULL;
ALTER TABLE duban_campaign_unit ADD COLUMN zero_report BOOLEAN DEFAULT FALSE NOT NULL;
