-- title: Business done abroad by clusters with an implementation grant
-- returns: one row: deals (all deals of cohort clusters with an implementation grant, dated in the year
--   range), successful_deals (won or signed), partner_countries (distinct partner countries of the
--   successful deals), successful_value_eur (their value, where stated: a lower bound), een_deals
--   (successful deals made through the Enterprise Europe Network), clusters_with_deals
-- params: calls, sectors, subregions (lists, NULL = all), year_from, year_to (NULL = open)
SELECT
    count(d.deal_id) AS deals,
    count(d.deal_id) FILTER (WHERE d.status IN ('won', 'signed')) AS successful_deals,
    count(DISTINCT d.partner_country) FILTER (WHERE d.status IN ('won', 'signed')) AS partner_countries,
    coalesce(sum(d."value") FILTER (WHERE d.status IN ('won', 'signed')), 0)
        * (SELECT fx_to_eur FROM programme) AS successful_value_eur,
    count(d.deal_id) FILTER (WHERE d.status IN ('won', 'signed') AND d.via_een) AS een_deals,
    count(DISTINCT d.cluster_id) AS clusters_with_deals
FROM cluster_progress($calls, $sectors, $subregions, $year_from, $year_to) AS p
JOIN deals_in($year_from, $year_to) AS d USING (cluster_id)
WHERE p.has_implementation
