-- The notice's own office (#28 §3): offices (科室/股) are data an operator adds while duban runs; each notice belongs to
-- the office that drafts it, whose people review its reports, urge its units and watch its 督办看板. The bureau's
-- first office, 综合监督科, keeps the role groups it always had (drafter, reviewer, section-head); every notice drafted
-- before offices existed is its.
CREATE TABLE duban_office (
    code       VARCHAR(20)  NOT NULL PRIMARY KEY,
    name       VARCHAR(50)  NOT NULL,
    active     BOOLEAN      DEFAULT TRUE NOT NULL,
    created_by VARCHAR(64)  NOT NULL,
    created_at TIMESTAMP    NOT NULL
);
CREATE UNIQUE INDEX duban_office_name ON duban_office (name);
INSERT INTO duban_office (code, name, active, created_by, created_at) VALUES ('zhjdk', '综合监督科', TRUE, 'system', CURRENT_TIMESTAMP);

ALTER TABLE duban_campaign ADD COLUMN office_code VARCHAR(20);
UPDATE duban_campaign SET office_code = 'zhjdk';
