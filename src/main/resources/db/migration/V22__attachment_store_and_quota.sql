-- Where a file's bytes live, and how much a unit and a campaign have uploaded (issue 27 item 7).

-- content_key: 'db:<id>' (chunks of that row in duban_attachment_chunk) or 'file:<path>' (under the file store's
-- root, duban.attachments.store.directory). A file kept into a later version keeps the earlier row's key: bytes are
-- written once. Every file stored so far is in the database, in its own row's chunks.
ALTER TABLE duban_attachment ADD COLUMN content_key VARCHAR(200);
UPDATE duban_attachment SET content_key = 'db:' || CAST(id AS VARCHAR(20));
ALTER TABLE duban_attachment ALTER COLUMN content_key SET NOT NULL;
CREATE INDEX duban_attachment_content ON duban_attachment (content_key);

-- a staged file the unit removed: out of every list at once; its bytes, then its row, are purged after the commit
ALTER TABLE duban_attachment ADD COLUMN removed_at TIMESTAMP;

-- the bytes a unit has uploaded to a campaign (the unit's quota); its row is locked while an upload checks its limits
ALTER TABLE duban_campaign_unit ADD COLUMN attachment_bytes BIGINT DEFAULT 0 NOT NULL;
UPDATE duban_campaign_unit SET attachment_bytes = (
    SELECT COALESCE(SUM(a.size_bytes), 0) FROM duban_attachment a
    WHERE a.campaign_id = duban_campaign_unit.campaign_id AND a.unit_code = duban_campaign_unit.unit_code);

-- the bytes all units have uploaded to a campaign (the campaign's quota), one row per campaign with units
CREATE TABLE duban_campaign_storage (
    campaign_id      VARCHAR(64) NOT NULL PRIMARY KEY REFERENCES duban_campaign (id),
    attachment_bytes BIGINT      NOT NULL
);
INSERT INTO duban_campaign_storage (campaign_id, attachment_bytes)
SELECT campaign_id, SUM(attachment_bytes) FROM duban_campaign_unit GROUP BY campaign_id;
