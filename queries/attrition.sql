-- title: Where clusters stopped, and why
-- returns: one row per cluster of the cohort: cluster_id, name, sector, subregion, furthest_stage
--   (none, supported_clusters, implementation_grants, exporting_clusters), stopped_before (the stage
--   not reached, NULL for exporting clusters), reason (rejected, withdrawn, never applied, no won deal) and
--   reason_key, the same reason as a code the vocabulary words in each language (reason.*)
-- params: calls, sectors, subregions (lists, NULL = all), year_from, year_to (NULL = open)
SELECT
    cluster_id,
    name,
    sector,
    subregion,
    furthest_stage,
    CASE
        WHEN is_exporting THEN NULL
        WHEN has_implementation THEN 'exporting_clusters'
        WHEN is_supported THEN 'implementation_grants'
        ELSE 'supported_clusters'
    END AS stopped_before,
    CASE
        WHEN is_exporting THEN NULL
        WHEN has_implementation AND deals = 0 THEN 'no deals recorded'
        WHEN has_implementation THEN 'no won or signed deal (' || deals || ' submitted or lost)'
        WHEN is_supported AND implementation_outcome IS NULL THEN 'never applied for implementation'
        WHEN is_supported THEN 'implementation application ' || implementation_outcome
        WHEN strategy_outcome IS NULL THEN 'never applied for a strategy grant'
        ELSE 'strategy application ' || strategy_outcome
    END AS reason,
    CASE
        WHEN is_exporting THEN NULL
        WHEN has_implementation AND deals = 0 THEN 'no_deals'
        WHEN has_implementation THEN 'no_won_deal'
        WHEN is_supported AND implementation_outcome IS NULL THEN 'implementation_never_applied'
        WHEN is_supported THEN 'implementation_' || implementation_outcome
        WHEN strategy_outcome IS NULL THEN 'strategy_never_applied'
        ELSE 'strategy_' || strategy_outcome
    END AS reason_key
FROM cluster_progress($calls, $sectors, $subregions, $year_from, $year_to)
ORDER BY is_exporting DESC, has_implementation DESC, is_supported DESC, cluster_id
