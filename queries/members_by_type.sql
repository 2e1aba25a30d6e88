-- title: Members of supported clusters by kind of organisation
-- returns: one row per org_type with members, most first: org_type, member_firms (distinct organisations
--   of that type that are members of a cohort cluster with an awarded strategy grant; an organisation in
--   two clusters counts once; named _firms so that public mode suppresses small counts)
-- params: calls, sectors, subregions (lists, NULL = all), year_from, year_to (NULL = open)
SELECT o.org_type, count(DISTINCT o.org_id) AS member_firms
FROM cluster_progress($calls, $sectors, $subregions, $year_from, $year_to) AS p
JOIN memberships AS m USING (cluster_id)
JOIN organisations AS o USING (org_id)
WHERE p.is_supported
GROUP BY o.org_type
ORDER BY member_firms DESC, o.org_type
