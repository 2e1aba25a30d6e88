-- title: Clusters without exactly one coordinator
-- why: every cluster should name one coordinator as the grant's contact
-- returns: cluster_id, name, coordinators
SELECT c.cluster_id, c.name, count(m.org_id) FILTER (WHERE m.role = 'coordinator') AS coordinators
FROM clusters AS c
LEFT JOIN memberships AS m USING (cluster_id)
GROUP BY c.cluster_id, c.name
HAVING count(m.org_id) FILTER (WHERE m.role = 'coordinator') <> 1
ORDER BY c.cluster_id
