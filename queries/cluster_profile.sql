-- title: One cluster at a glance
-- returns: one row for the cluster $cluster_id (none when it is outside the cohort): cluster_id, name, sector,
--   nace, subregion, founded, status, strategy_call, strategy_outcome, implementation_outcome, first_award_date,
--   is_supported, has_implementation, is_exporting, awarded_eur, deals, successful_deals, partner_countries
-- params: cluster_id; calls, sectors, subregions (lists, NULL = all), year_from, year_to (NULL = open)
SELECT
    p.cluster_id,
    p.name,
    p.sector,
    c.nace,
    p.subregion,
    c.founded,
    c.status,
    p.strategy_call,
    p.strategy_outcome,
    p.implementation_outcome,
    p.first_award_date,
    p.is_supported,
    p.has_implementation,
    p.is_exporting,
    p.awarded_amount * (SELECT fx_to_eur FROM programme) AS awarded_eur,
    p.deals,
    p.successful_deals,
    p.partner_countries
FROM cluster_progress($calls, $sectors, $subregions, $year_from, $year_to) AS p
JOIN clusters AS c USING (cluster_id)
WHERE p.cluster_id = $cluster_id
