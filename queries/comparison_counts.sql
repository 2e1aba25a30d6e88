-- title: Funded vs not-funded applicants: k of n for each stage, group and outcome
-- returns: one row per stage (strategy, implementation), group (funded, not_funded) and outcome
--   that has at least one unit: stage, grp, outcome, k, n. Applicants of a stage are the cohort's
--   clusters with a grant row of that stage (dated in the year range); funded = an awarded grant of
--   that stage, not_funded = the other applicants (rejected or withdrawn only).
--   exporting_cluster: n applicant clusters, k with a deal won or signed (any date in the year range).
--   sme_members_trading: n distinct SME members of the group's clusters (each once per group), k of
--   them with an exports row (any year in the range). A group without units has no row.
-- params: calls, sectors, subregions (lists, NULL = all), year_from, year_to (NULL = open)
-- why: a descriptive comparison, not an effect estimate: rejected applicants were scored lower.
WITH applicants AS (
    SELECT
        g.stage,
        g.cluster_id,
        CASE WHEN bool_or(g.decision = 'awarded') THEN 'funded' ELSE 'not_funded' END AS grp
    FROM grants_in($year_from, $year_to) AS g
    JOIN cohort($calls, $sectors, $subregions) AS c USING (cluster_id)
    GROUP BY g.stage, g.cluster_id
),
exporting AS (
    SELECT DISTINCT cluster_id FROM deals_in($year_from, $year_to) WHERE status IN ('won', 'signed')
),
exporters AS (
    SELECT DISTINCT org_id FROM exports_in($year_from, $year_to)
)
SELECT a.stage, a.grp, 'exporting_cluster' AS outcome, count(e.cluster_id) AS k, count(*) AS n
FROM applicants AS a
LEFT JOIN exporting AS e USING (cluster_id)
GROUP BY a.stage, a.grp
UNION ALL
SELECT a.stage, a.grp, 'sme_members_trading', count(DISTINCT x.org_id), count(DISTINCT o.org_id)
FROM applicants AS a
JOIN memberships AS m USING (cluster_id)
JOIN organisations AS o ON o.org_id = m.org_id AND o.org_type = 'sme'
LEFT JOIN exporters AS x ON x.org_id = o.org_id
GROUP BY a.stage, a.grp
ORDER BY 1 DESC, 2, 3
