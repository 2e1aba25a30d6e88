-- title: Allocated, awarded and paid co-financing, private leverage and gross cost per outcome
-- returns: one row: currency, fx_to_eur, budget_allocated and budget_allocated_eur (the whole
--   programme: filters do not apply to it), awarded, paid, private_contribution (sums over the
--   cohort's awarded grants in the year range, programme currency) and their _eur twins,
--   leverage (private / awarded), supported_clusters, exporting_clusters, trading_smes, and the
--   gross public cost per outcome in EUR (awarded co-financing / outcome count):
--   eur_per_supported_cluster, eur_per_exporting_cluster, eur_per_trading_sme, and the same on
--   paid co-financing (paid_eur_per_supported_cluster, …)
-- params: calls, sectors, subregions (lists, NULL = all), year_from, year_to (NULL = open)
WITH money AS (
    SELECT
        coalesce(sum(g.grant_amount) FILTER (WHERE g.decision = 'awarded'), 0) AS awarded,
        coalesce(sum(g.paid_amount) FILTER (WHERE g.decision = 'awarded'), 0) AS paid,
        coalesce(sum(g.private_contribution) FILTER (WHERE g.decision = 'awarded'), 0) AS private_contribution
    FROM grants_in($year_from, $year_to) AS g
    JOIN cohort($calls, $sectors, $subregions) AS c USING (cluster_id)
),
outcomes AS (
    SELECT
        count(*) FILTER (WHERE is_supported) AS supported_clusters,
        count(*) FILTER (WHERE is_exporting) AS exporting_clusters
    FROM cluster_progress($calls, $sectors, $subregions, $year_from, $year_to)
),
smes AS (
    SELECT count(*) AS trading_smes FROM trading_smes($calls, $sectors, $subregions, $year_from, $year_to)
)
SELECT
    p.currency,
    p.fx_to_eur,
    p.budget_allocated,
    p.budget_allocated * p.fx_to_eur AS budget_allocated_eur,
    m.awarded,
    m.paid,
    m.private_contribution,
    m.awarded * p.fx_to_eur AS awarded_eur,
    m.paid * p.fx_to_eur AS paid_eur,
    m.private_contribution * p.fx_to_eur AS private_eur,
    m.private_contribution / nullif(m.awarded, 0) AS leverage,
    o.supported_clusters,
    o.exporting_clusters,
    s.trading_smes,
    m.awarded * p.fx_to_eur / nullif(o.supported_clusters, 0) AS eur_per_supported_cluster,
    m.awarded * p.fx_to_eur / nullif(o.exporting_clusters, 0) AS eur_per_exporting_cluster,
    m.awarded * p.fx_to_eur / nullif(s.trading_smes, 0) AS eur_per_trading_sme,
    m.paid * p.fx_to_eur / nullif(o.supported_clusters, 0) AS paid_eur_per_supported_cluster,
    m.paid * p.fx_to_eur / nullif(o.exporting_clusters, 0) AS paid_eur_per_exporting_cluster,
    m.paid * p.fx_to_eur / nullif(s.trading_smes, 0) AS paid_eur_per_trading_sme
FROM programme AS p
CROSS JOIN money AS m
CROSS JOIN outcomes AS o
CROSS JOIN smes AS s
