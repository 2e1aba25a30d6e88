-- title: Trading SMEs per supported cluster, each SME once
-- returns: one row per supported cluster of the cohort: cluster_id, furthest_stage, trading_smes
--   (trading SMEs attributed to it: an SME in several supported clusters is attributed to the
--   first of them by cluster_id, so the column adds up to the funnel's trading-SME count)
-- params: calls, sectors, subregions (lists, NULL = all), year_from, year_to (NULL = open)
-- why: the observed distribution the transfer planner resamples for trading SMEs per cluster.
WITH attributed AS (
    SELECT cluster_ids[1] AS cluster_id, count(*) AS trading_smes
    FROM trading_smes($calls, $sectors, $subregions, $year_from, $year_to)
    GROUP BY cluster_ids[1]
)
SELECT p.cluster_id, p.furthest_stage, coalesce(a.trading_smes, 0) AS trading_smes
FROM cluster_progress($calls, $sectors, $subregions, $year_from, $year_to) AS p
LEFT JOIN attributed AS a USING (cluster_id)
WHERE p.is_supported
ORDER BY p.cluster_id
