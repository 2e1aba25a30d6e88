-- title: Organisation names (for public-mode pseudonyms)
-- returns: one row per organisation of the workbook: org_id, org_name
-- params: none
SELECT org_id, name AS org_name
FROM organisations
ORDER BY org_id
