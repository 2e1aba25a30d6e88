-- title: Co-financing by stage: awarded, paid and private contribution
-- returns: one row per grant stage (strategy, implementation) of the cohort's applications in the
--   year range: stage, applications, awarded_grants, clusters_awarded, eligible_cost, awarded, paid,
--   private_contribution (programme currency; sums over awarded grants), the same in EUR
--   (eligible_cost_eur, awarded_eur, paid_eur, private_eur), paid_share (paid / awarded),
--   leverage (private contribution / awarded co-financing) and awarded_without_amount (awarded
--   grants with no grant_amount, which make the sums lower bounds)
-- params: calls, sectors, subregions (lists, NULL = all), year_from, year_to (NULL = open)
WITH fx AS (SELECT fx_to_eur FROM programme),
scoped AS (
    SELECT g.*
    FROM grants_in($year_from, $year_to) AS g
    JOIN cohort($calls, $sectors, $subregions) AS c USING (cluster_id)
),
by_stage AS (
    SELECT
        stage,
        count(*) AS applications,
        count(*) FILTER (WHERE decision = 'awarded') AS awarded_grants,
        count(DISTINCT cluster_id) FILTER (WHERE decision = 'awarded') AS clusters_awarded,
        coalesce(sum(eligible_cost) FILTER (WHERE decision = 'awarded'), 0) AS eligible_cost,
        coalesce(sum(grant_amount) FILTER (WHERE decision = 'awarded'), 0) AS awarded,
        coalesce(sum(paid_amount) FILTER (WHERE decision = 'awarded'), 0) AS paid,
        coalesce(sum(private_contribution) FILTER (WHERE decision = 'awarded'), 0) AS private_contribution,
        count(*) FILTER (WHERE decision = 'awarded' AND grant_amount IS NULL) AS awarded_without_amount
    FROM scoped
    GROUP BY stage
)
SELECT
    s.stage,
    coalesce(b.applications, 0) AS applications,
    coalesce(b.awarded_grants, 0) AS awarded_grants,
    coalesce(b.clusters_awarded, 0) AS clusters_awarded,
    coalesce(b.eligible_cost, 0) AS eligible_cost,
    coalesce(b.awarded, 0) AS awarded,
    coalesce(b.paid, 0) AS paid,
    coalesce(b.private_contribution, 0) AS private_contribution,
    coalesce(b.eligible_cost, 0) * fx.fx_to_eur AS eligible_cost_eur,
    coalesce(b.awarded, 0) * fx.fx_to_eur AS awarded_eur,
    coalesce(b.paid, 0) * fx.fx_to_eur AS paid_eur,
    coalesce(b.private_contribution, 0) * fx.fx_to_eur AS private_eur,
    b.paid / nullif(b.awarded, 0) AS paid_share,
    b.private_contribution / nullif(b.awarded, 0) AS leverage,
    coalesce(b.awarded_without_amount, 0) AS awarded_without_amount
FROM (VALUES ('strategy', 1), ('implementation', 2)) AS s(stage, stage_order)
LEFT JOIN by_stage AS b USING (stage)
CROSS JOIN fx
ORDER BY s.stage_order
