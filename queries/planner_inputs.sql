-- title: What the transfer planner learns from this programme
-- returns: one row per awarded grant of the cohort (decided in the year range): stage, cluster_id,
--   amount_eur (grant_amount in EUR; NULL when the workbook has none), is_supported,
--   has_implementation, is_exporting (the cluster's funnel stages)
-- params: calls, sectors, subregions (lists, NULL = all), year_from, year_to (NULL = open)
-- why: cost per grant at each stage and the conversions between stages, for the simulation.
SELECT
    g.stage,
    g.cluster_id,
    g.grant_amount * (SELECT fx_to_eur FROM programme) AS amount_eur,
    p.is_supported,
    p.has_implementation,
    p.is_exporting
FROM grants_in($year_from, $year_to) AS g
JOIN cluster_progress($calls, $sectors, $subregions, $year_from, $year_to) AS p USING (cluster_id)
WHERE g.decision = 'awarded'
ORDER BY g.stage DESC, g.cluster_id, g.grant_id
