-- 发文字号 (issue 17): each number an issuer gives in a year, and the notice it went to; never used twice.
CREATE TABLE duban_document_number (
    prefix      VARCHAR(40)  NOT NULL,
    doc_year    INT          NOT NULL,
    serial      INT          NOT NULL,
    issuer      VARCHAR(200) NOT NULL,
    campaign_id VARCHAR(64)  NOT NULL REFERENCES duban_campaign (id),
    taken_by    VARCHAR(64)  NOT NULL,
    taken_at    TIMESTAMP    NOT NULL,
    PRIMARY KEY (prefix, doc_year, serial)
);
CREATE UNIQUE INDEX duban_document_number_campaign ON duban_document_number (campaign_id);
CREATE INDEX duban_document_number_issuer ON duban_document_number (issuer, taken_at);
