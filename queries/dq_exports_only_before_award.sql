-- title: SMEs that exported only before their cluster's first award
-- why: members of a supported cluster whose exports all precede the award year; not counted as trading SMEs
-- returns: org_id, org_name, cluster_id, award_year, last_export_year
WITH awards AS (
    SELECT cluster_id, year(min(decision_date)) AS award_year
    FROM grants
    WHERE decision = 'awarded'
    GROUP BY cluster_id
    HAVING bool_or(stage = 'strategy')
)
SELECT o.org_id, o.name AS org_name, a.cluster_id, a.award_year, max(e."year") AS last_export_year
FROM awards AS a
JOIN memberships AS m USING (cluster_id)
JOIN organisations AS o ON o.org_id = m.org_id AND o.org_type = 'sme'
JOIN exports AS e ON e.org_id = o.org_id
GROUP BY o.org_id, o.name, a.cluster_id, a.award_year
HAVING max(e."year") < a.award_year
ORDER BY o.org_id
