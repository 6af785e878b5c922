-- Average order value per customer (DOMAIN.md, KPI 4): highest first, ties by customer id.
WITH per_customer AS (
  SELECT
    customer_id,
    SUM(CAST(order_amount AS DECIMAL(18, 2))) AS total,
    COUNT(*) AS order_count
  FROM orders
  GROUP BY customer_id
),
guessed AS (
  SELECT
    customer_id,
    total,
    order_count,
    CAST(ROUND(total / order_count, 2) AS DECIMAL(18, 2)) AS guess
  FROM per_customer
)
SELECT
  customer_id,
  -- Half-up to the cent, exactly. DuckDB divides decimals in floating point, so at a tie (e.g. 1.255)
  -- the guess can be a cent low; checking it with exact multiplication fixes that on every engine.
  CAST(
    CASE
      WHEN ABS(total) >= (ABS(guess) + 0.005) * order_count THEN SIGN(total) * (ABS(guess) + 0.01)
      WHEN ABS(total) < (ABS(guess) - 0.005) * order_count THEN SIGN(total) * (ABS(guess) - 0.01)
      ELSE guess
    END AS DECIMAL(18, 2)
  ) AS average_order_value,
  order_count
FROM guessed
ORDER BY average_order_value DESC, customer_id
