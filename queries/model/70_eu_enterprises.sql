-- Enterprises (org_type sme or large_enterprise) behind the EU common indicators, one row each:
-- by_grant (CO02/RCO02): member of a cohort cluster with an awarded grant of either stage (in the
-- year range); non_financial (CO04/RCO04): a support row of its own, or membership of a cohort
-- cluster with a support row (in the year range). An enterprise's own support row (org_id set,
-- whether or not it also names a cluster) counts when the enterprise is a member of a cohort
-- cluster, or when no call, sector or subregion is selected. size_class: NULL becomes 'unknown'.
CREATE OR REPLACE MACRO eu_enterprises(calls, sectors, subregions, year_from, year_to) AS TABLE
WITH cohort_members AS (
    SELECT DISTINCT m.cluster_id, m.org_id
    FROM cohort(calls, sectors, subregions) AS c
    JOIN memberships AS m USING (cluster_id)
),
granted AS (
    SELECT DISTINCT cm.org_id
    FROM grants_in(year_from, year_to) AS g
    JOIN cohort_members AS cm USING (cluster_id)
    WHERE g.decision = 'awarded'
),
served AS (
    SELECT cm.org_id
    FROM support_in(year_from, year_to) AS s
    JOIN cohort_members AS cm USING (cluster_id)
    UNION
    SELECT s.org_id
    FROM support_in(year_from, year_to) AS s
    WHERE s.org_id IS NOT NULL
      AND ((calls IS NULL AND sectors IS NULL AND subregions IS NULL)
        OR s.org_id IN (SELECT org_id FROM cohort_members))
)
SELECT
    o.org_id,
    o.name,
    o.org_type,
    coalesce(o.size_class, 'unknown') AS size_class,
    o.org_id IN (SELECT org_id FROM granted) AS by_grant,
    o.org_id IN (SELECT org_id FROM served) AS non_financial
FROM organisations AS o
WHERE o.org_type IN ('sme', 'large_enterprise')
  AND (o.org_id IN (SELECT org_id FROM granted) OR o.org_id IN (SELECT org_id FROM served))
