-- title: Destination countries of trading SMEs
-- returns: one row per destination country of the counted export rows, most firms first: country
--   (ISO alpha-2), exporting_smes (trading SMEs that reported exports there), new_exporter_smes (of
--   them, with a first_time row there), export_rows, export_value_eur (values reported: a lower
--   bound), unverified_value_eur (of which not verified), rows_without_value, first_year, last_year
-- params: calls, sectors, subregions (lists, NULL = all), year_from, year_to (NULL = open)
SELECT
    country,
    count(DISTINCT org_id) AS exporting_smes,
    count(DISTINCT org_id) FILTER (WHERE first_time) AS new_exporter_smes,
    count(*) AS export_rows,
    coalesce(sum(value_eur), 0) AS export_value_eur,
    coalesce(sum(value_eur) FILTER (WHERE verified IS NOT TRUE), 0) AS unverified_value_eur,
    count(*) FILTER (WHERE "value" IS NULL) AS rows_without_value,
    min("year") AS first_year,
    max("year") AS last_year
FROM sme_exports($calls, $sectors, $subregions, $year_from, $year_to)
GROUP BY country
ORDER BY exporting_smes DESC, export_value_eur DESC, country
