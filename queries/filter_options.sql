-- title: Values offered by the shared filters
-- returns: one row: calls, sectors, subregions (sorted lists) and first_year, last_year (the span of dated rows)
-- params: none
WITH years AS (
    SELECT year(coalesce(decision_date, applied, contract_date)) AS y FROM grants
    UNION ALL SELECT year("date") FROM deals
    UNION ALL SELECT "year" FROM exports
    UNION ALL SELECT year("date") FROM support
)
SELECT
    coalesce((SELECT list(DISTINCT "call" ORDER BY "call") FROM grants WHERE stage = 'strategy' AND "call" IS NOT NULL), []) AS calls,
    coalesce((SELECT list(DISTINCT sector ORDER BY sector) FROM clusters), []) AS sectors,
    coalesce((SELECT list(DISTINCT subregion ORDER BY subregion) FROM clusters WHERE subregion IS NOT NULL), []) AS subregions,
    (SELECT min(y) FROM years) AS first_year,
    (SELECT max(y) FROM years) AS last_year
