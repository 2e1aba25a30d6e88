-- title: Clusters behind a funnel stage
-- returns: one row per cohort cluster that reached the stage $stage (supported_clusters,
--   implementation_grants or exporting_clusters): cluster_id, name, sector, subregion, strategy_call,
--   strategy_award_date, implementation_award_date, successful_deals, partner_countries, awarded_eur
-- params: stage; calls, sectors, subregions (lists, NULL = all), year_from, year_to (NULL = open)
SELECT
    p.cluster_id,
    p.name,
    p.sector,
    p.subregion,
    p.strategy_call,
    p.strategy_award_date,
    p.implementation_award_date,
    p.successful_deals,
    p.partner_countries,
    p.awarded_amount * (SELECT fx_to_eur FROM programme) AS awarded_eur
FROM cluster_progress($calls, $sectors, $subregions, $year_from, $year_to) AS p
WHERE CASE $stage
    WHEN 'supported_clusters' THEN p.is_supported
    WHEN 'implementation_grants' THEN p.has_implementation
    WHEN 'exporting_clusters' THEN p.is_exporting
    ELSE false
END
ORDER BY p.cluster_id
