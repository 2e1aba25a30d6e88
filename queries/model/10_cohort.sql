-- The clusters the shared filters select, with the call of their strategy (stage I) application.
-- A cluster's call is that of its awarded strategy grant, else of its latest strategy application.
-- An empty filter (NULL) selects everything.
CREATE OR REPLACE MACRO cohort(calls, sectors, subregions) AS TABLE
SELECT c.*, s.strategy_call
FROM clusters AS c
LEFT JOIN (
    SELECT
        cluster_id,
        first("call" ORDER BY decision = 'awarded' DESC, coalesce(decision_date, applied) DESC NULLS LAST) AS strategy_call
    FROM grants
    WHERE stage = 'strategy'
    GROUP BY cluster_id
) AS s USING (cluster_id)
WHERE (calls IS NULL OR list_contains(calls, s.strategy_call))
  AND (sectors IS NULL OR list_contains(sectors, c.sector))
  AND (subregions IS NULL OR list_contains(subregions, c.subregion))
