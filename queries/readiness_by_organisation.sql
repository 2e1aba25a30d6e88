-- title: Export readiness per organisation, first and latest assessment
-- returns: one row per assessed cohort member: org_id, org_name, org_type, first_date, latest_date,
--   assessments (dates), dimensions, first_pct and latest_pct (mean over its dimensions of the first
--   and latest score on each, % of max_score), change_points (latest_pct - first_pct, NULL when it
--   was assessed once)
-- params: calls, sectors, subregions (lists, NULL = all), year_from, year_to (NULL = open)
WITH members AS (
    SELECT DISTINCT m.org_id
    FROM memberships AS m
    JOIN cohort($calls, $sectors, $subregions) AS c USING (cluster_id)
),
per_dimension AS (
    SELECT
        r.org_id,
        r.dimension,
        arg_min(100.0 * r.score / nullif(r.max_score, 0), r."date") AS first_pct,
        arg_max(100.0 * r.score / nullif(r.max_score, 0), r."date") AS latest_pct
    FROM readiness_in($year_from, $year_to) AS r
    JOIN members USING (org_id)
    GROUP BY r.org_id, r.dimension
),
dates AS (
    SELECT r.org_id, min(r."date") AS first_date, max(r."date") AS latest_date, count(DISTINCT r."date") AS assessments
    FROM readiness_in($year_from, $year_to) AS r
    JOIN members USING (org_id)
    GROUP BY r.org_id
)
SELECT
    o.org_id,
    o.name AS org_name,
    o.org_type,
    d.first_date,
    d.latest_date,
    d.assessments,
    count(*) AS dimensions,
    avg(p.first_pct) AS first_pct,
    avg(p.latest_pct) AS latest_pct,
    CASE WHEN d.assessments > 1 THEN avg(p.latest_pct - p.first_pct) END AS change_points
FROM per_dimension AS p
JOIN dates AS d USING (org_id)
JOIN organisations AS o USING (org_id)
GROUP BY o.org_id, o.name, o.org_type, d.first_date, d.latest_date, d.assessments
ORDER BY o.name, o.org_id
