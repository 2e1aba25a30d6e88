-- The units behind each funnel stage: clusters for the first three stages, SMEs for the fourth.
CREATE OR REPLACE MACRO funnel_units(calls, sectors, subregions, year_from, year_to) AS TABLE
SELECT 'supported_clusters' AS stage_key, cluster_id AS unit_id, name AS unit_name, [cluster_id] AS cluster_ids
FROM cluster_progress(calls, sectors, subregions, year_from, year_to) WHERE is_supported
UNION ALL
SELECT 'implementation_grants', cluster_id, name, [cluster_id]
FROM cluster_progress(calls, sectors, subregions, year_from, year_to) WHERE has_implementation
UNION ALL
SELECT 'exporting_clusters', cluster_id, name, [cluster_id]
FROM cluster_progress(calls, sectors, subregions, year_from, year_to) WHERE is_exporting
UNION ALL
SELECT 'trading_smes', org_id, name, cluster_ids
FROM trading_smes(calls, sectors, subregions, year_from, year_to)
