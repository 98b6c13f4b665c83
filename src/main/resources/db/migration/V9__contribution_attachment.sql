-- a cooperating unit's files for one item: staged with the item's code, bound to the contribution when it is sent
ALTER TABLE duban_attachment ADD COLUMN item_code VARCHAR(64);
ALTER TABLE duban_attachment ADD COLUMN contribution_id BIGINT REFERENCES duban_contribution (id);
