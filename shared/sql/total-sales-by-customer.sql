-- Total sales by customer (DOMAIN.md, KPI 1): largest first, ties by customer id.
SELECT
  customer_id,
  SUM(CAST(order_amount AS DECIMAL(18, 2))) AS total_sales
FROM orders
GROUP BY customer_id
ORDER BY total_sales DESC, customer_id
