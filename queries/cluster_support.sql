-- title: Support received by one cluster and its members
-- returns: one row per service given to the cluster $cluster_id or to one of its members, dated within the
--   years: support_id, type, date, country, provider, recipient ('cluster' or 'member'), org_id, org_name
--   (empty for services to the whole cluster)
-- params: cluster_id; year_from, year_to (NULL = open)
SELECT
    s.support_id,
    s.type,
    s."date",
    s.country,
    s.provider,
    CASE WHEN s.cluster_id = $cluster_id THEN 'cluster' ELSE 'member' END AS recipient,
    s.org_id,
    o.name AS org_name
FROM support_in($year_from, $year_to) AS s
LEFT JOIN organisations AS o USING (org_id)
WHERE s.cluster_id = $cluster_id
   OR (s.cluster_id IS NULL AND s.org_id IN (SELECT org_id FROM memberships WHERE cluster_id = $cluster_id))
ORDER BY s."date", s.support_id
