-- title: Trading SMEs
-- returns: one row per trading SME: org_id, org_name, size_class, subregion, clusters (names of the
--   supported clusters it counts through: an export not before that cluster's award), award_year,
--   first_export_year (first export not before the award year), years_to_first_export,
--   exporter_kind (new, existing, not stated), countries (ISO codes of the counted export rows),
--   export_value_eur (values reported: a lower bound), unverified_rows, rows_without_value
-- params: calls, sectors, subregions (lists, NULL = all), year_from, year_to (NULL = open)
SELECT
    org_id,
    name AS org_name,
    size_class,
    subregion,
    array_to_string(cluster_names, '; ') AS clusters,
    award_year,
    first_export_year,
    years_to_first_export,
    exporter_kind,
    array_to_string(countries, ', ') AS countries,
    export_value_eur,
    unverified_rows,
    rows_without_value
FROM trading_sme_profiles($calls, $sectors, $subregions, $year_from, $year_to)
ORDER BY org_name, org_id
