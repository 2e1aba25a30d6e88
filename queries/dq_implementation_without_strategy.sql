-- title: Implementation grant without a strategy grant
-- why: stage II without stage I; the cluster is not counted in the funnel
-- returns: cluster_id, name, grant_id, decision_date, source_row (of the implementation grant)
SELECT c.cluster_id, c.name, g.grant_id, g.decision_date, g.source_row
FROM grants AS g
JOIN clusters AS c USING (cluster_id)
WHERE g.stage = 'implementation' AND g.decision = 'awarded'
  AND NOT EXISTS (
      SELECT 1 FROM grants AS s
      WHERE s.cluster_id = g.cluster_id AND s.stage = 'strategy' AND s.decision = 'awarded'
  )
ORDER BY c.cluster_id
