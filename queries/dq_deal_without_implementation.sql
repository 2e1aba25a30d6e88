-- title: Won or signed deal without an implementation grant
-- why: business done by a cluster that never reached stage II; not counted as an exporting cluster
-- returns: cluster_id, name, deal_id, status, date, source_row (of the deal)
SELECT c.cluster_id, c.name, d.deal_id, d.status, d."date", d.source_row
FROM deals AS d
JOIN clusters AS c USING (cluster_id)
WHERE d.status IN ('won', 'signed')
  AND NOT EXISTS (
      SELECT 1 FROM grants AS g
      WHERE g.cluster_id = d.cluster_id AND g.stage = 'implementation' AND g.decision = 'awarded'
  )
ORDER BY c.cluster_id, d.deal_id
