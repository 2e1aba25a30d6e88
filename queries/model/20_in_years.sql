-- Rows dated within the year range (NULL bounds = open). A grant is dated by its decision,
-- else its application, else its contract; an undated grant is always kept.
CREATE OR REPLACE MACRO grants_in(year_from, year_to) AS TABLE
SELECT *, year(coalesce(decision_date, applied, contract_date)) AS dated_year
FROM grants
WHERE coalesce(year(coalesce(decision_date, applied, contract_date)) BETWEEN coalesce(year_from, 0) AND coalesce(year_to, 9999), true);

CREATE OR REPLACE MACRO deals_in(year_from, year_to) AS TABLE
SELECT * FROM deals WHERE year("date") BETWEEN coalesce(year_from, 0) AND coalesce(year_to, 9999);

CREATE OR REPLACE MACRO exports_in(year_from, year_to) AS TABLE
SELECT * FROM exports WHERE "year" BETWEEN coalesce(year_from, 0) AND coalesce(year_to, 9999);

CREATE OR REPLACE MACRO support_in(year_from, year_to) AS TABLE
SELECT * FROM support WHERE year("date") BETWEEN coalesce(year_from, 0) AND coalesce(year_to, 9999);

CREATE OR REPLACE MACRO readiness_in(year_from, year_to) AS TABLE
SELECT * FROM readiness WHERE year("date") BETWEEN coalesce(year_from, 0) AND coalesce(year_to, 9999);
