-- The years whose official holiday schedule duban knows (#15 item 7): a year's rows in duban_calendar_day are
-- complete only when the year is listed here. A date in a year neither listed here nor carried by the holiday
-- library (cn.6tail:lunar, 2002–2023) is computed on Monday to Friday, and the drafter is told so.
CREATE TABLE duban_calendar_year (
    calendar_year INT          NOT NULL PRIMARY KEY,
    source        VARCHAR(200) NOT NULL,
    loaded_by     VARCHAR(64)  NOT NULL,
    loaded_at     TIMESTAMP    NOT NULL
);

-- shipped by V3, from the State Council General Office's notices
INSERT INTO duban_calendar_year (calendar_year, source, loaded_by, loaded_at) VALUES
    (2024, '国办发明电〔2023〕7号', 'system', CURRENT_TIMESTAMP),
    (2025, '国办发明电〔2024〕12号', 'system', CURRENT_TIMESTAMP),
    (2026, '国务院办公厅关于2026年部分节假日安排的通知', 'system', CURRENT_TIMESTAMP);
