-- A unit's totals are figures of its table whether or not the table shows its 合计 row (issue 28 §1). Versions handed in
-- before were stored with their totals (_total.<column>) only where the template showed that row; with totalRow: false
-- every total read from them — the county's, a unit's in 各单位明细 — came out 0 or blank. Each missing one is worked out
-- here as report.TableFigures.totals does: the sum of the column's cells over the version's rows.
--
-- A table's cell is named row.column, and neither part holds a dot (a fixed row's or a column's code, a sub-unit's code,
-- an added row's number); an indicator's code holds none, so versions of indicators-only tables are left as they are.
-- A version that already has its total of a column (every version of a table that showed its 合计 row) keeps it. A column
-- none of whose cells was filled (optional columns only) gets no row here: the county counts it as 0, 各单位明细 leaves
-- the unit's cell blank.
INSERT INTO duban_report_value (report_id, indicator_code, amount)
SELECT c.report_id, CONCAT('_total.', c.column_code), SUM(c.amount)
FROM (SELECT v.report_id, SUBSTRING(v.indicator_code FROM POSITION('.' IN v.indicator_code) + 1) AS column_code, v.amount
      FROM duban_report_value v
      WHERE POSITION('.' IN v.indicator_code) > 0
        AND POSITION('_total.' IN v.indicator_code) <> 1) c
WHERE NOT EXISTS (SELECT 1 FROM duban_report_value t
                  WHERE t.report_id = c.report_id AND t.indicator_code = CONCAT('_total.', c.column_code))
GROUP BY c.report_id, c.column_code;
