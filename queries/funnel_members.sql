-- title: Units behind each funnel stage
-- returns: one row per stage and unit: stage_key, unit_id, cluster_name (cluster stages), org_name (the
--   SME stage; hidden in public mode), cluster_ids (the clusters it counts through)
-- params: calls, sectors, subregions (lists, NULL = all), year_from, year_to (NULL = open)
SELECT
    stage_key,
    unit_id,
    CASE WHEN stage_key <> 'trading_smes' THEN unit_name END AS cluster_name,
    CASE WHEN stage_key = 'trading_smes' THEN unit_name END AS org_name,
    cluster_ids
FROM funnel_units($calls, $sectors, $subregions, $year_from, $year_to)
ORDER BY stage_key, unit_id
