-- title: Awarded grants without an amount
-- why: co-financing and cost per outcome are understated while grant_amount is empty
-- returns: grant_id, cluster_id, stage, decision_date, source_row
SELECT grant_id, cluster_id, stage, decision_date, source_row
FROM grants
WHERE decision = 'awarded' AND grant_amount IS NULL
ORDER BY grant_id
