-- title: The programme
-- returns: the programme row: programme_id, name, managing_body, region, country, currency, fx_to_eur,
--   start_date, end_date, budget_allocated, budget_allocated_eur
-- params: none
SELECT *, budget_allocated * fx_to_eur AS budget_allocated_eur
FROM programme
