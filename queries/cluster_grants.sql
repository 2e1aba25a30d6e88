-- title: Grants of one cluster
-- returns: one row per grant application of the cluster $cluster_id dated within the years: grant_id, stage,
--   call, applied, decision, decision_date, contract_date, end_date, grant_eur, paid_eur, private_contribution_eur
-- params: cluster_id; year_from, year_to (NULL = open)
SELECT
    g.grant_id,
    g.stage,
    g."call",
    g.applied,
    g.decision,
    g.decision_date,
    g.contract_date,
    g.end_date,
    g.grant_amount * p.fx_to_eur AS grant_eur,
    g.paid_amount * p.fx_to_eur AS paid_eur,
    g.private_contribution * p.fx_to_eur AS private_contribution_eur
FROM grants_in($year_from, $year_to) AS g, programme AS p
WHERE g.cluster_id = $cluster_id
ORDER BY coalesce(g.applied, g.decision_date, g.contract_date), g.grant_id
