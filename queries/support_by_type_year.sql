-- title: Services by type and year
-- returns: one row per service type and year: type, year, services (rows of the support sheet),
--   cluster_services (given to a whole cluster), organisation_services (given to one organisation),
--   clusters_reached (cohort clusters served directly or through a member)
-- params: calls, sectors, subregions (lists, NULL = all), year_from, year_to (NULL = open)
-- A service is in scope when it was given to a cluster of the cohort or to an organisation that is
-- a member of one; it reaches that cluster.
WITH reached AS (
    SELECT s.support_id, s.type, year(s."date") AS "year", s.cluster_id AS served_cluster, c.cluster_id
    FROM support_in($year_from, $year_to) AS s
    JOIN cohort($calls, $sectors, $subregions) AS c ON c.cluster_id = s.cluster_id
    UNION
    SELECT s.support_id, s.type, year(s."date"), s.cluster_id, m.cluster_id
    FROM support_in($year_from, $year_to) AS s
    JOIN memberships AS m ON m.org_id = s.org_id
    JOIN cohort($calls, $sectors, $subregions) AS c ON c.cluster_id = m.cluster_id
    WHERE s.cluster_id IS NULL
)
SELECT
    type,
    "year",
    count(DISTINCT support_id) AS services,
    count(DISTINCT support_id) FILTER (WHERE served_cluster IS NOT NULL) AS cluster_services,
    count(DISTINCT support_id) FILTER (WHERE served_cluster IS NULL) AS organisation_services,
    count(DISTINCT cluster_id) AS clusters_reached
FROM reached
GROUP BY type, "year"
ORDER BY "year", type
