-- title: The applicants behind the funded vs not-funded comparison
-- returns: one row per stage and applicant cluster of the cohort: stage, grp (funded, not_funded),
--   cluster_id, cluster_name, decisions (the decisions on its applications of that stage),
--   exporting_cluster (a deal won or signed), member_smes, trading_member_smes (SME members with an
--   exports row). An SME in two clusters of a group is in both rows but counts once in the comparison.
-- params: calls, sectors, subregions (lists, NULL = all), year_from, year_to (NULL = open)
-- why: the rows behind each k of n on the comparison page.
WITH applicants AS (
    SELECT
        g.stage,
        g.cluster_id,
        any_value(c.name) AS cluster_name,
        CASE WHEN bool_or(g.decision = 'awarded') THEN 'funded' ELSE 'not_funded' END AS grp,
        string_agg(DISTINCT g.decision, ', ' ORDER BY g.decision) AS decisions
    FROM grants_in($year_from, $year_to) AS g
    JOIN cohort($calls, $sectors, $subregions) AS c USING (cluster_id)
    GROUP BY g.stage, g.cluster_id
),
exporting AS (
    SELECT DISTINCT cluster_id FROM deals_in($year_from, $year_to) WHERE status IN ('won', 'signed')
),
exporters AS (
    SELECT DISTINCT org_id FROM exports_in($year_from, $year_to)
),
smes AS (
    SELECT m.cluster_id, count(DISTINCT o.org_id) AS member_smes, count(DISTINCT x.org_id) AS trading_member_smes
    FROM memberships AS m
    JOIN organisations AS o ON o.org_id = m.org_id AND o.org_type = 'sme'
    LEFT JOIN exporters AS x ON x.org_id = o.org_id
    GROUP BY m.cluster_id
)
SELECT
    a.stage,
    a.grp,
    a.cluster_id,
    a.cluster_name,
    a.decisions,
    e.cluster_id IS NOT NULL AS exporting_cluster,
    coalesce(s.member_smes, 0) AS member_smes,
    coalesce(s.trading_member_smes, 0) AS trading_member_smes
FROM applicants AS a
LEFT JOIN exporting AS e USING (cluster_id)
LEFT JOIN smes AS s USING (cluster_id)
ORDER BY a.stage DESC, a.grp, a.cluster_id
