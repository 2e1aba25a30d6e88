-- title: EU common indicators on enterprises, by size class
-- returns: three rows, code (RCO01, RCO02, RCO04), with total_firms and its breakdown by size
--   class: micro_firms, small_firms, medium_firms, large_firms, unknown_firms (no size_class).
--   RCO02 = enterprises supported by grants, RCO04 = with non-financial support, RCO01 = either;
--   each enterprise counted once
-- params: calls, sectors, subregions (lists, NULL = all), year_from, year_to (NULL = open)
-- why: the output indicators an Interreg / ERDF report asks for, from the imported rows
--   (definitions in queries/model/70_eu_enterprises.sql).
WITH enterprises AS (
    SELECT
        org_id,
        CASE WHEN size_class IN ('micro', 'small', 'medium', 'large') THEN size_class ELSE 'unknown' END AS size_class,
        by_grant,
        non_financial
    FROM eu_enterprises($calls, $sectors, $subregions, $year_from, $year_to)
),
codes AS (
    SELECT 'RCO01' AS code, 1 AS position UNION ALL SELECT 'RCO02', 2 UNION ALL SELECT 'RCO04', 3
),
counted AS (
    SELECT c.code, c.position, e.size_class, e.org_id
    FROM codes AS c
    JOIN enterprises AS e ON CASE c.code
        WHEN 'RCO01' THEN e.by_grant OR e.non_financial
        WHEN 'RCO02' THEN e.by_grant
        ELSE e.non_financial
    END
)
SELECT
    c.code,
    count(DISTINCT x.org_id) AS total_firms,
    count(DISTINCT x.org_id) FILTER (WHERE x.size_class = 'micro') AS micro_firms,
    count(DISTINCT x.org_id) FILTER (WHERE x.size_class = 'small') AS small_firms,
    count(DISTINCT x.org_id) FILTER (WHERE x.size_class = 'medium') AS medium_firms,
    count(DISTINCT x.org_id) FILTER (WHERE x.size_class = 'large') AS large_firms,
    count(DISTINCT x.org_id) FILTER (WHERE x.size_class = 'unknown') AS unknown_firms
FROM codes AS c
LEFT JOIN counted AS x USING (code)
GROUP BY c.code, c.position
ORDER BY c.position
