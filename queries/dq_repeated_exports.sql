-- title: Export rows repeated for the same organisation, year and country
-- why: export values would be counted twice
-- returns: org_id, year, country, rows, source_rows
SELECT org_id, "year", country, count(*) AS "rows", string_agg(source_row::VARCHAR, ', ' ORDER BY source_row) AS source_rows
FROM exports
GROUP BY org_id, "year", country
HAVING count(*) > 1
ORDER BY org_id, "year", country
