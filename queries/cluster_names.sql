-- title: Cluster names (for public mode in free text)
-- returns: one row per cluster of the workbook: cluster_id, cluster_name
-- params: none
-- why: report sections shown or exported in public mode have cluster names replaced too.
SELECT cluster_id, name AS cluster_name
FROM clusters
ORDER BY cluster_id
