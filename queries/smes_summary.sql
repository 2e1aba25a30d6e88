-- title: Trading SMEs, new exporters and the value they reported
-- returns: one row: trading_smes, member_smes (SME members of supported clusters, the base of the
--   share), new_exporter_smes, existing_exporter_smes, not_stated_smes (exporter kinds, see the
--   model), destination_countries, export_rows, rows_without_value, unverified_rows,
--   export_value_eur (sum of the values reported on counted rows: a lower bound), median_years
--   and median_years_new (median years from award to first export, all / new exporters)
-- params: calls, sectors, subregions (lists, NULL = all), year_from, year_to (NULL = open)
WITH profiles AS (
    SELECT * FROM trading_sme_profiles($calls, $sectors, $subregions, $year_from, $year_to)
),
members AS (
    SELECT count(DISTINCT o.org_id) AS member_smes
    FROM cluster_progress($calls, $sectors, $subregions, $year_from, $year_to) AS p
    JOIN memberships AS m USING (cluster_id)
    JOIN organisations AS o ON o.org_id = m.org_id AND o.org_type = 'sme'
    WHERE p.is_supported
),
destinations AS (
    SELECT count(DISTINCT country) AS destination_countries
    FROM sme_exports($calls, $sectors, $subregions, $year_from, $year_to)
)
SELECT
    count(p.org_id) AS trading_smes,
    any_value(m.member_smes) AS member_smes,
    count(p.org_id) FILTER (WHERE p.exporter_kind = 'new') AS new_exporter_smes,
    count(p.org_id) FILTER (WHERE p.exporter_kind = 'existing') AS existing_exporter_smes,
    count(p.org_id) FILTER (WHERE p.exporter_kind = 'not stated') AS not_stated_smes,
    any_value(d.destination_countries) AS destination_countries,
    coalesce(sum(p.export_rows), 0) AS export_rows,
    coalesce(sum(p.rows_without_value), 0) AS rows_without_value,
    coalesce(sum(p.unverified_rows), 0) AS unverified_rows,
    coalesce(sum(p.export_value_eur), 0) AS export_value_eur,
    median(p.years_to_first_export) AS median_years,
    median(p.years_to_first_export) FILTER (WHERE p.exporter_kind = 'new') AS median_years_new
FROM members AS m
CROSS JOIN destinations AS d
LEFT JOIN profiles AS p ON true
