-- title: SMEs in several clusters
-- why: counted once among trading SMEs; listed so that per-cluster figures are read with care
-- returns: org_id, org_name, clusters (count), cluster_ids
-- The SMEs in several clusters are found first: an ordered string_agg over every SME would sort them all.
WITH several AS (
    SELECT m.org_id
    FROM memberships AS m
    JOIN organisations AS o USING (org_id)
    WHERE o.org_type = 'sme'
    GROUP BY m.org_id
    HAVING count(*) > 1
)
SELECT o.org_id, o.name AS org_name, count(*) AS clusters, string_agg(m.cluster_id, ', ' ORDER BY m.cluster_id) AS cluster_ids
FROM memberships AS m
JOIN several USING (org_id)
JOIN organisations AS o USING (org_id)
GROUP BY o.org_id, o.name
ORDER BY o.org_id
