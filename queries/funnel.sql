-- title: Programme funnel
-- returns: one row per funnel stage that has units: stage_key, units (clusters for the first three
--   stages, SMEs for the fourth), and the row member_smes: SME members of supported clusters, the
--   base of the SME stage's conversion; ordered by stage_key
-- params: calls, sectors, subregions (lists, NULL = all), year_from, year_to (NULL = open)
SELECT stage_key, count(DISTINCT unit_id) AS units
FROM funnel_units($calls, $sectors, $subregions, $year_from, $year_to)
GROUP BY stage_key
UNION ALL
SELECT 'member_smes', count(DISTINCT o.org_id)
FROM cluster_progress($calls, $sectors, $subregions, $year_from, $year_to) AS p
JOIN memberships AS m USING (cluster_id)
JOIN organisations AS o ON o.org_id = m.org_id AND o.org_type = 'sme'
WHERE p.is_supported
ORDER BY stage_key
