-- title: Headline money figures
-- returns: one row: currency, fx_to_eur, awarded_grants (count of awarded grants), awarded_amount (programme
--   currency), awarded_eur, trading_smes, cost_per_trading_sme_eur (awarded_eur / trading_smes, the gross
--   public cost: all co-financing awarded to the cohort, NULL when there is no trading SME)
-- params: calls, sectors, subregions (lists, NULL = all), year_from, year_to (NULL = open)
WITH awarded AS (
    SELECT count(*) AS awarded_grants, coalesce(sum(g.grant_amount), 0) AS awarded_amount
    FROM grants_in($year_from, $year_to) AS g
    JOIN cohort($calls, $sectors, $subregions) AS c USING (cluster_id)
    WHERE g.decision = 'awarded'
),
trading AS (
    SELECT count(*) AS trading_smes FROM trading_smes($calls, $sectors, $subregions, $year_from, $year_to)
)
SELECT
    p.currency,
    p.fx_to_eur,
    a.awarded_grants,
    a.awarded_amount,
    a.awarded_amount * p.fx_to_eur AS awarded_eur,
    t.trading_smes,
    a.awarded_amount * p.fx_to_eur / nullif(t.trading_smes, 0) AS cost_per_trading_sme_eur
FROM programme AS p, awarded AS a, trading AS t
