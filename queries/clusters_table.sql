-- title: Clusters of the cohort
-- returns: one row per cohort cluster: cluster_id, name, furthest_stage (the funnel stage key reached,
--   'none' before the first), stage_reached (0 none, 1 strategy grant, 2 implementation grant, 3 won or
--   signed deal), awarded_eur, successful_deals, trading_smes (of the programme's trading SMEs, those
--   counting through this cluster), deals, partner_countries, sector, subregion, strategy_call, members and member
--   counts by organisation type (member_smes, member_large_firms, member_universities, member_research_orgs,
--   member_business_support, member_local_authorities, member_other)
-- params: calls, sectors, subregions (lists, NULL = all), year_from, year_to (NULL = open)
WITH members AS (
    SELECT
        m.cluster_id,
        count(*) AS members,
        count(*) FILTER (WHERE o.org_type = 'sme') AS member_smes,
        count(*) FILTER (WHERE o.org_type = 'large_enterprise') AS member_large_firms,
        count(*) FILTER (WHERE o.org_type = 'university') AS member_universities,
        count(*) FILTER (WHERE o.org_type = 'research_org') AS member_research_orgs,
        count(*) FILTER (WHERE o.org_type = 'business_support') AS member_business_support,
        count(*) FILTER (WHERE o.org_type = 'local_authority') AS member_local_authorities,
        count(*) FILTER (WHERE o.org_type = 'other') AS member_other
    FROM memberships AS m
    JOIN organisations AS o USING (org_id)
    GROUP BY m.cluster_id
),
trading AS (
    SELECT cluster_id, count(*) AS trading_smes
    FROM (
        SELECT unnest(cluster_ids) AS cluster_id
        FROM trading_smes($calls, $sectors, $subregions, $year_from, $year_to)
    )
    GROUP BY cluster_id
)
SELECT
    p.cluster_id,
    p.name,
    p.furthest_stage,
    p.stage_reached,
    p.awarded_amount * (SELECT fx_to_eur FROM programme) AS awarded_eur,
    p.successful_deals,
    coalesce(t.trading_smes, 0) AS trading_smes,
    p.deals,
    p.partner_countries,
    p.sector,
    p.subregion,
    p.strategy_call,
    coalesce(m.members, 0) AS members,
    coalesce(m.member_smes, 0) AS member_smes,
    coalesce(m.member_large_firms, 0) AS member_large_firms,
    coalesce(m.member_universities, 0) AS member_universities,
    coalesce(m.member_research_orgs, 0) AS member_research_orgs,
    coalesce(m.member_business_support, 0) AS member_business_support,
    coalesce(m.member_local_authorities, 0) AS member_local_authorities,
    coalesce(m.member_other, 0) AS member_other
FROM cluster_progress($calls, $sectors, $subregions, $year_from, $year_to) AS p
LEFT JOIN members AS m USING (cluster_id)
LEFT JOIN trading AS t USING (cluster_id)
ORDER BY stage_reached DESC, p.cluster_id
