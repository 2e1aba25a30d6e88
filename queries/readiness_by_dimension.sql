-- title: Export-readiness scores by dimension, first and latest assessment
-- returns: one row per dimension: dimension, assessed_firms (cohort members with a score on it in the
--   year range), reassessed_firms (of them, scored on at least two dates), first_pct_all (mean first
--   score of all assessed, % of max_score), first_pct and latest_pct (mean first and latest score of
--   the reassessed firms, % of max_score) and change_points (latest_pct - first_pct)
-- params: calls, sectors, subregions (lists, NULL = all), year_from, year_to (NULL = open)
WITH members AS (
    SELECT DISTINCT m.org_id
    FROM memberships AS m
    JOIN cohort($calls, $sectors, $subregions) AS c USING (cluster_id)
),
scores AS (
    SELECT
        r.org_id,
        r.dimension,
        count(DISTINCT r."date") AS assessments,
        arg_min(100.0 * r.score / nullif(r.max_score, 0), r."date") AS first_pct,
        arg_max(100.0 * r.score / nullif(r.max_score, 0), r."date") AS latest_pct
    FROM readiness_in($year_from, $year_to) AS r
    JOIN members USING (org_id)
    GROUP BY r.org_id, r.dimension
)
SELECT
    dimension,
    count(*) AS assessed_firms,
    count(*) FILTER (WHERE assessments > 1) AS reassessed_firms,
    avg(first_pct) AS first_pct_all,
    avg(first_pct) FILTER (WHERE assessments > 1) AS first_pct,
    avg(latest_pct) FILTER (WHERE assessments > 1) AS latest_pct,
    avg(latest_pct - first_pct) FILTER (WHERE assessments > 1) AS change_points
FROM scores
GROUP BY dimension
ORDER BY dimension
