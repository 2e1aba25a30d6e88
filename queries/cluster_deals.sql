-- title: Deals of one cluster
-- returns: one row per deal of the cluster $cluster_id dated within the years: deal_id, type, partner_country,
--   status, is_successful (won or signed), date, value_eur, via_een
-- params: cluster_id; year_from, year_to (NULL = open)
SELECT
    d.deal_id,
    d.type,
    d.partner_country,
    d.status,
    d.status IN ('won', 'signed') AS is_successful,
    d."date",
    d.value * p.fx_to_eur AS value_eur,
    d.via_een
FROM deals_in($year_from, $year_to) AS d, programme AS p
WHERE d.cluster_id = $cluster_id
ORDER BY d."date", d.deal_id
