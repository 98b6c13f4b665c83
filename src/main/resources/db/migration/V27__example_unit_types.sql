-- Unit types of the shipped examples from other bureaus (issue 28): an education bureau's schools and an emergency
-- management bureau's township offices. Names only: an operator renames or retires them in 单位名册 like any other.
INSERT INTO duban_unit_type (code, name, created_at)
SELECT 'school', '中小学校及中职学校', CURRENT_TIMESTAMP FROM (VALUES (1)) AS x(one)
WHERE NOT EXISTS (SELECT 1 FROM duban_unit_type WHERE code = 'school');
INSERT INTO duban_unit_type (code, name, created_at)
SELECT 'emergency-town', '镇（街道）应急管理机构', CURRENT_TIMESTAMP FROM (VALUES (1)) AS x(one)
WHERE NOT EXISTS (SELECT 1 FROM duban_unit_type WHERE code = 'emergency-town');
