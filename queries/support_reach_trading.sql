-- title: Share of trading SMEs that received each service
-- returns: one row per service type in the support sheet, and a last row 'any service':
--   type, received_smes (trading SMEs that received it, directly or through one of their clusters,
--   in the year range), direct_smes (of them, served in person), trading_smes (the base)
-- params: calls, sectors, subregions (lists, NULL = all), year_from, year_to (NULL = open)
-- A service given to a cluster counts for every organisation that is a member of that cluster
-- (at any time); it need not come before the firm's exports.
WITH trading AS (
    SELECT org_id FROM trading_smes($calls, $sectors, $subregions, $year_from, $year_to)
),
received AS (
    SELECT t.org_id, s.type, true AS direct
    FROM trading AS t
    JOIN support_in($year_from, $year_to) AS s ON s.org_id = t.org_id
    UNION ALL
    SELECT t.org_id, s.type, false
    FROM trading AS t
    JOIN memberships AS m ON m.org_id = t.org_id
    JOIN support_in($year_from, $year_to) AS s ON s.cluster_id = m.cluster_id
),
types AS (
    SELECT DISTINCT type, 0 AS type_order FROM support
    UNION ALL
    SELECT 'any service', 1
)
SELECT
    ty.type,
    count(DISTINCT r.org_id) AS received_smes,
    count(DISTINCT r.org_id) FILTER (WHERE r.direct) AS direct_smes,
    (SELECT count(*) FROM trading) AS trading_smes
FROM types AS ty
LEFT JOIN received AS r ON r.type = ty.type OR ty.type = 'any service'
GROUP BY ty.type, ty.type_order
ORDER BY ty.type_order, received_smes DESC, ty.type
