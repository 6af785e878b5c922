-- Orders and amounts per status (DOMAIN.md, KPI 3).
SELECT
  order_status,
  COUNT(*) AS order_count,
  SUM(CAST(order_amount AS DECIMAL(18, 2))) AS total_amount
FROM orders
GROUP BY order_status
ORDER BY order_status
