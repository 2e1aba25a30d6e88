-- title: Members of one cluster
-- returns: one row per membership of the cluster $cluster_id: org_name, org_type, size_class, role,
--   is_trading_sme (counted among the programme's trading SMEs through this cluster, under the filters),
--   subregion, joined, left, org_id
-- params: cluster_id; calls, sectors, subregions (lists, NULL = all), year_from, year_to (NULL = open)
SELECT
    o.name AS org_name,
    o.org_type,
    o.size_class,
    m.role,
    EXISTS (
        SELECT 1 FROM trading_smes($calls, $sectors, $subregions, $year_from, $year_to) AS t
        WHERE t.org_id = o.org_id AND list_contains(t.cluster_ids, m.cluster_id)
    ) AS is_trading_sme,
    o.subregion,
    m.joined,
    m."left",
    o.org_id
FROM memberships AS m
JOIN organisations AS o USING (org_id)
WHERE m.cluster_id = $cluster_id
ORDER BY m.role = 'coordinator' DESC, o.org_type, o.name
