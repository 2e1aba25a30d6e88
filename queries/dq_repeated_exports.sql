-- title: Export rows repeated for the same organisation, year and country
-- why: export values would be counted twice
-- returns: org_id, year, country, rows, source_rows
-- The repeated keys are found first: an ordered string_agg over every key would sort a million groups.
WITH repeated AS (
    SELECT org_id, "year", country
    FROM exports
    GROUP BY org_id, "year", country
    HAVING count(*) > 1
)
SELECT e.org_id, e."year", e.country, count(*) AS "rows", string_agg(e.source_row::VARCHAR, ', ' ORDER BY e.source_row) AS source_rows
FROM exports AS e
JOIN repeated USING (org_id, "year", country)
GROUP BY e.org_id, e."year", e.country
ORDER BY e.org_id, e."year", e.country
