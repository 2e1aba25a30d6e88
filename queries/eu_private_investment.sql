-- title: Private investment matching public support (CO06 / RCR02)
-- returns: one row: private_eur (sum of private_contribution of the cohort's awarded grants decided
--   in the year range, in EUR), awarded_grants, grants_without_private (awarded grants with no
--   private_contribution: the sum is a lower bound when there are any)
-- params: calls, sectors, subregions (lists, NULL = all), year_from, year_to (NULL = open)
-- why: the 2014-2020 CO06 and 2021-2027 RCR02 indicator, from the grants sheet.
SELECT
    coalesce(sum(g.private_contribution), 0) * (SELECT fx_to_eur FROM programme) AS private_eur,
    count(*) AS awarded_grants,
    count(*) FILTER (WHERE g.private_contribution IS NULL) AS grants_without_private
FROM grants_in($year_from, $year_to) AS g
JOIN cohort($calls, $sectors, $subregions) AS c USING (cluster_id)
WHERE g.decision = 'awarded'
