-- The exports behind the trading-SME count, and one profile per trading SME.
-- A counted export row belongs to a trading SME and is dated (in the year range) no earlier than
-- the SME's award year: the year of the earliest first award among its supported clusters, the
-- same rule that makes it a trading SME. Values are converted with programme.fx_to_eur.
CREATE OR REPLACE MACRO sme_exports_computed(calls, sectors, subregions, year_from, year_to) AS TABLE
SELECT
    t.org_id,
    t.name,
    t.size_class,
    t.subregion,
    t.cluster_ids,
    t.award_year,
    e."year",
    e.country,
    e."value",
    e."value" * (SELECT fx_to_eur FROM programme) AS value_eur,
    e.first_time,
    e.verified,
    e.source
FROM trading_smes(calls, sectors, subregions, year_from, year_to) AS t
JOIN exports_in(year_from, year_to) AS e ON e.org_id = t.org_id AND e."year" >= t.award_year;

-- The call the queries make. For each version outcomes/db.py keeps the unfiltered rows as a table
-- and replaces this with a macro that reads the table when no filter is set (see db.UNFILTERED).
CREATE OR REPLACE MACRO sme_exports(calls, sectors, subregions, year_from, year_to) AS TABLE
SELECT * FROM sme_exports_computed(calls, sectors, subregions, year_from, year_to);

-- One row per trading SME. exporter_kind: 'new' when a counted row has first_time = TRUE (the firm
-- started exporting after the award); 'existing' when a counted row has first_time = FALSE or the
-- firm has an exports row before its award year; 'not stated' otherwise. years_to_first_export =
-- first counted export year - award year (0 = in the award year; exports are reported per year).
-- Every trading SME has counted rows, so the profile is built from sme_exports alone (the trading-SME
-- rule runs once); lists are sorted after aggregating, which is much cheaper than ordered aggregates.
CREATE OR REPLACE MACRO trading_sme_profiles_computed(calls, sectors, subregions, year_from, year_to) AS TABLE
WITH counted AS MATERIALIZED (
    SELECT
        org_id,
        any_value(name) AS name,
        any_value(size_class) AS size_class,
        any_value(subregion) AS subregion,
        any_value(cluster_ids) AS cluster_ids,
        any_value(award_year) AS award_year,
        min("year") AS first_export_year,
        bool_or(first_time) AS any_first_time,
        bool_or(NOT first_time) AS any_repeat,
        list_sort(list(DISTINCT country)) AS countries,
        count(*) AS export_rows,
        count(*) FILTER (WHERE "value" IS NULL) AS rows_without_value,
        count(*) FILTER (WHERE verified IS NOT TRUE) AS unverified_rows,
        sum("value") AS export_value,
        sum(value_eur) AS export_value_eur
    FROM sme_exports(calls, sectors, subregions, year_from, year_to)
    GROUP BY org_id
),
before_award AS (
    SELECT DISTINCT x.org_id
    FROM counted AS x
    JOIN exports_in(year_from, year_to) AS e ON e.org_id = x.org_id AND e."year" < x.award_year
),
-- an equi-join on the unnested ids: a list_contains() condition would compare every SME with every cluster
names AS (
    SELECT x.org_id, list_transform(list_sort(list({'id': c.cluster_id, 'name': c.name})), n -> n.name) AS cluster_names
    FROM (SELECT org_id, unnest(cluster_ids) AS cluster_id FROM counted) AS x
    JOIN clusters AS c USING (cluster_id)
    GROUP BY x.org_id
)
SELECT
    x.org_id,
    x.name,
    x.size_class,
    x.subregion,
    x.cluster_ids,
    n.cluster_names,
    x.award_year,
    x.first_export_year,
    x.first_export_year - x.award_year AS years_to_first_export,
    CASE
        WHEN x.any_first_time THEN 'new'
        WHEN x.any_repeat OR b.org_id IS NOT NULL THEN 'existing'
        ELSE 'not stated'
    END AS exporter_kind,
    x.countries,
    x.export_rows,
    x.rows_without_value,
    x.unverified_rows,
    x.export_value,
    x.export_value_eur
FROM counted AS x
LEFT JOIN before_award AS b USING (org_id)
LEFT JOIN names AS n USING (org_id);

-- The call the queries make. For each version outcomes/db.py keeps the unfiltered rows as a table
-- and replaces this with a macro that reads the table when no filter is set (see db.UNFILTERED).
CREATE OR REPLACE MACRO trading_sme_profiles(calls, sectors, subregions, year_from, year_to) AS TABLE
SELECT * FROM trading_sme_profiles_computed(calls, sectors, subregions, year_from, year_to);
