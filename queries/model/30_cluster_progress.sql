-- One row per cluster of the cohort: how far it got in the funnel and what happened at each stage.
-- Stage rules (PRODUCT.md): supported = awarded strategy grant; implementation = supported and an
-- awarded implementation grant; exporting = implementation and a deal that was won or signed.
-- `*_outcome` is the latest decision on that stage's applications (NULL = never applied);
-- `furthest_stage` is the key of the last stage reached ('none' before the first).
CREATE OR REPLACE MACRO cluster_progress_computed(calls, sectors, subregions, year_from, year_to) AS TABLE
WITH stage_outcomes AS (
    SELECT
        cluster_id,
        min(decision_date) FILTER (WHERE stage = 'strategy' AND decision = 'awarded') AS strategy_award_date,
        min(decision_date) FILTER (WHERE stage = 'implementation' AND decision = 'awarded') AS implementation_award_date,
        min(decision_date) FILTER (WHERE decision = 'awarded') AS first_award_date,
        first(decision ORDER BY decision = 'awarded' DESC, coalesce(decision_date, applied) DESC NULLS LAST)
            FILTER (WHERE stage = 'strategy') AS strategy_outcome,
        first(decision ORDER BY decision = 'awarded' DESC, coalesce(decision_date, applied) DESC NULLS LAST)
            FILTER (WHERE stage = 'implementation') AS implementation_outcome,
        coalesce(sum(grant_amount) FILTER (WHERE decision = 'awarded'), 0) AS awarded_amount
    FROM grants_in(year_from, year_to)
    GROUP BY cluster_id
),
deal_counts AS (
    SELECT
        cluster_id,
        count(*) AS deals,
        count(*) FILTER (WHERE status IN ('won', 'signed')) AS successful_deals,
        count(DISTINCT partner_country) FILTER (WHERE status IN ('won', 'signed')) AS partner_countries
    FROM deals_in(year_from, year_to)
    GROUP BY cluster_id
)
SELECT
    c.cluster_id,
    c.name,
    c.sector,
    c.subregion,
    c.strategy_call,
    g.strategy_outcome,
    g.strategy_award_date,
    g.implementation_outcome,
    g.implementation_award_date,
    g.first_award_date,
    coalesce(g.awarded_amount, 0) AS awarded_amount,
    coalesce(d.deals, 0) AS deals,
    coalesce(d.successful_deals, 0) AS successful_deals,
    coalesce(d.partner_countries, 0) AS partner_countries,
    g.strategy_award_date IS NOT NULL AS is_supported,
    g.strategy_award_date IS NOT NULL AND g.implementation_award_date IS NOT NULL AS has_implementation,
    g.strategy_award_date IS NOT NULL AND g.implementation_award_date IS NOT NULL
        AND coalesce(d.successful_deals, 0) > 0 AS is_exporting,
    -- 0 = no strategy grant, 1 = supported, 2 = implementation grant, 3 = exporting
    CASE
        WHEN NOT is_supported THEN 0
        WHEN NOT has_implementation THEN 1
        WHEN NOT is_exporting THEN 2
        ELSE 3
    END AS stage_reached,
    ['none', 'supported_clusters', 'implementation_grants', 'exporting_clusters'][stage_reached + 1] AS furthest_stage
FROM cohort(calls, sectors, subregions) AS c
LEFT JOIN stage_outcomes AS g USING (cluster_id)
LEFT JOIN deal_counts AS d USING (cluster_id);

-- The call the queries make. For each version outcomes/db.py keeps the unfiltered rows as a table
-- and replaces this with a macro that reads the table when no filter is set (see db.UNFILTERED).
CREATE OR REPLACE MACRO cluster_progress(calls, sectors, subregions, year_from, year_to) AS TABLE
SELECT * FROM cluster_progress_computed(calls, sectors, subregions, year_from, year_to);
