-- title: Exports of trading SMEs by year
-- returns: one row per year of the counted export rows: year, exporting_smes (trading SMEs that
--   reported exports that year), new_exporter_smes (of them, with a first_time row that year),
--   destination_countries, verified_value_eur and unverified_value_eur (values reported, split by
--   whether the agency verified them; together a lower bound), rows_without_value
-- params: calls, sectors, subregions (lists, NULL = all), year_from, year_to (NULL = open)
SELECT
    "year",
    count(DISTINCT org_id) AS exporting_smes,
    count(DISTINCT org_id) FILTER (WHERE first_time) AS new_exporter_smes,
    count(DISTINCT country) AS destination_countries,
    coalesce(sum(value_eur) FILTER (WHERE verified), 0) AS verified_value_eur,
    coalesce(sum(value_eur) FILTER (WHERE verified IS NOT TRUE), 0) AS unverified_value_eur,
    count(*) FILTER (WHERE "value" IS NULL) AS rows_without_value
FROM sme_exports($calls, $sectors, $subregions, $year_from, $year_to)
GROUP BY "year"
ORDER BY "year"
