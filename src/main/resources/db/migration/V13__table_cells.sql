-- Statistics tables with columns (issue 15): a cell is named row.column; a row may be a sub-unit's code (up to 64)
-- and a column's code up to 24, so a cell name is wider than an indicator code was.
ALTER TABLE duban_report_value ALTER COLUMN indicator_code SET DATA TYPE VARCHAR(100);

-- the cells that hold text: a remark, a date (yyyy-MM-dd), a choice from the column's list
CREATE TABLE duban_report_text (
    report_id  BIGINT        NOT NULL REFERENCES duban_report (id),
    cell_code  VARCHAR(100)  NOT NULL,
    text_value VARCHAR(2000) NOT NULL,
    PRIMARY KEY (report_id, cell_code)
);
