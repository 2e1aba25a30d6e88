-- title: Exports of one cluster's members
-- returns: one row per exports row of a member of the cluster $cluster_id within the years: org_id, org_name,
--   org_type, year, country, value_eur, first_time, verified, after_award (the year is not before the
--   cluster's first award, so the row can make an SME a trading SME)
-- params: cluster_id; year_from, year_to (NULL = open)
WITH award AS (
    SELECT year(min(decision_date)) AS award_year
    FROM grants_in($year_from, $year_to)
    WHERE cluster_id = $cluster_id AND decision = 'awarded'
)
SELECT
    e.org_id,
    o.name AS org_name,
    o.org_type,
    e."year",
    e.country,
    e.value * p.fx_to_eur AS value_eur,
    e.first_time,
    e.verified,
    coalesce(e."year" >= a.award_year, false) AS after_award
FROM exports_in($year_from, $year_to) AS e
JOIN memberships AS m ON m.org_id = e.org_id AND m.cluster_id = $cluster_id
JOIN organisations AS o ON o.org_id = e.org_id
CROSS JOIN programme AS p
CROSS JOIN award AS a
ORDER BY e."year", o.name, e.country
