"""Tests of gross_profit.py with the standard library only: Spark is stubbed (it is not installable here).

Run: python3 -m unittest discover -s pyspark   (vitest runs it too: electron/core/clusters/pyspark-job.test.ts)
"""

import contextlib
import io
import os
import sys
import tempfile
import types
import unittest
from decimal import Decimal
from pathlib import Path

sys.path.insert(0, os.path.dirname(os.path.abspath(__file__)))
import gross_profit  # noqa: E402

SHARED_SQL = Path(__file__).resolve().parent.parent / "shared" / "sql"
BASE = ["--database", "lake", "--sql", "gross-profit.sql", "--output", "s3://b/out/run_id=R1", "--run-id", "R1"]


class FakeFrame:
    """Records what the job does with a DataFrame."""

    def __init__(self, spark, name):
        self.spark, self.name = spark, name
        self.write = self

    def createOrReplaceTempView(self, view):
        self.spark.views[view] = self.name

    def cache(self):
        return self

    def count(self):
        return 42

    def coalesce(self, _n):
        return self

    def mode(self, mode):
        self.spark.modes.append(mode)
        return self

    def option(self, *_):
        return self

    def csv(self, path):
        self.spark.written.append(("csv", path))

    def parquet(self, path):
        self.spark.written.append(("parquet", path))


class FakeSpark:
    def __init__(self, fail=False):
        self.views, self.sql_run, self.written, self.modes, self.rows = {}, [], [], [], None
        self.fail, self.stopped = fail, False

    def table(self, name):
        return FakeFrame(self, name)

    def createDataFrame(self, rows, schema):
        self.rows = (rows, schema)
        return FakeFrame(self, "rates")

    def sql(self, text):
        if self.fail:
            raise RuntimeError("[TABLE_OR_VIEW_NOT_FOUND] billing")
        self.sql_run.append(text)
        return FakeFrame(self, "report")

    def stop(self):
        self.stopped = True


def stub_pyspark(spark):
    """A `pyspark.sql` module whose SparkSession.builder hands out `spark`."""
    builder = types.SimpleNamespace()
    builder.appName = lambda _name: builder
    builder.enableHiveSupport = lambda: builder
    builder.getOrCreate = lambda: spark
    sql_module = types.ModuleType("pyspark.sql")
    sql_module.SparkSession = types.SimpleNamespace(builder=builder)
    root = types.ModuleType("pyspark")
    root.sql = sql_module
    return {"pyspark": root, "pyspark.sql": sql_module}


def quiet_exit(argv):
    """parse_args(argv), returning (SystemExit code, stdout, stderr)."""
    out, err = io.StringIO(), io.StringIO()
    with contextlib.redirect_stdout(out), contextlib.redirect_stderr(err):
        try:
            gross_profit.parse_args(argv)
        except SystemExit as exit_:
            return exit_.code, out.getvalue(), err.getvalue()
    return None, out.getvalue(), err.getvalue()


class ArgumentTests(unittest.TestCase):
    def test_required_arguments_and_defaults(self):
        args = gross_profit.parse_args(BASE)
        self.assertEqual(args.database, "lake")
        self.assertEqual(args.output, "s3://b/out/run_id=R1/")
        self.assertEqual(args.tables, {})
        self.assertIsNone(args.currency_rates)

    def test_table_names_and_rates(self):
        args = gross_profit.parse_args(
            BASE + ["--table", "billing=raw_billing", "--table", "currency_rates=fx", "--currency-rates", "USD=1,CAD=0.79"]
        )
        self.assertEqual(args.tables, {"billing": "raw_billing", "currency_rates": "fx"})
        self.assertEqual(args.currency_rates, {"USD": Decimal("1"), "CAD": Decimal("0.79")})

    def test_help_exits_zero_with_usage(self):
        code, out, _ = quiet_exit(["--help"])
        self.assertEqual(code, 0)
        self.assertIn("--currency-rates", out)
        self.assertIn("usage: gross_profit.py", out)

    def test_bad_arguments_exit_two(self):
        for argv in (
            BASE[2:],
            BASE + ["--table", "orders=x"],
            BASE + ["--table", "billing"],
            BASE + ["--currency-rates", "usd=1"],
            BASE + ["--currency-rates", "CAD=-1"],
            ["--database", "lake", "--sql", "q.sql", "--output", "ftp://x", "--run-id", "R"],
        ):
            code, _, err = quiet_exit(argv)
            self.assertEqual(code, 2, argv)
            self.assertIn("usage:", err)


class SqlLoadingTests(unittest.TestCase):
    def test_the_shared_sql_needs_only_the_varchar_rewrite(self):
        original = (SHARED_SQL / "gross-profit.sql").read_text(encoding="utf-8")
        spark_sql = gross_profit.to_spark_sql(original)
        self.assertNotRegex(spark_sql, r"(?i)\bvarchar\b")
        self.assertEqual(spark_sql.replace("AS STRING", "AS VARCHAR"), original.strip())
        self.assertIn("JOIN units u ON u.company_id = r.id AND u.item_type = r.item", spark_sql)

    def test_rewrite_keeps_sized_varchar_and_strips_semicolons(self):
        self.assertEqual(gross_profit.to_spark_sql("SELECT CAST(a AS varchar), CAST(b AS VARCHAR(3));\n"), "SELECT CAST(a AS STRING), CAST(b AS VARCHAR(3))")

    def test_loads_a_file_by_path_or_by_its_name_in_the_working_directory(self):
        with tempfile.TemporaryDirectory() as tmp:
            Path(tmp, "gross-profit.sql").write_text("SELECT 1;", encoding="utf-8")
            self.assertEqual(gross_profit.load_sql(os.path.join(tmp, "gross-profit.sql")), "SELECT 1")
            cwd = os.getcwd()
            os.chdir(tmp)
            try:
                self.assertEqual(gross_profit.load_sql("some/where/gross-profit.sql"), "SELECT 1")
            finally:
                os.chdir(cwd)

    def test_loads_s3_through_spark_and_refuses_empty_sql(self):
        self.assertEqual(gross_profit.load_sql("s3://b/q.sql", lambda uri: "SELECT CAST(x AS VARCHAR)"), "SELECT CAST(x AS STRING)")
        with self.assertRaises(ValueError):
            gross_profit.load_sql("s3://b/q.sql")
        with self.assertRaises(ValueError):
            gross_profit.load_sql("s3://b/q.sql", lambda uri: "  \n")


class RunTests(unittest.TestCase):
    def run_main(self, spark, extra=()):
        with tempfile.TemporaryDirectory() as tmp:
            Path(tmp, "gross-profit.sql").write_text((SHARED_SQL / "gross-profit.sql").read_text(encoding="utf-8"))
            argv = ["--database", "lake", "--sql", os.path.join(tmp, "gross-profit.sql"), "--output", "s3://b/o/", "--run-id", "R1", *extra]
            saved = {k: sys.modules.get(k) for k in ("pyspark", "pyspark.sql")}
            sys.modules.update(stub_pyspark(spark))
            try:
                with contextlib.redirect_stdout(io.StringIO()), contextlib.redirect_stderr(io.StringIO()):
                    return gross_profit.main(argv)
            finally:
                for k, v in saved.items():
                    if v is None:
                        sys.modules.pop(k, None)
                    else:
                        sys.modules[k] = v

    def test_registers_the_glue_tables_runs_the_shared_sql_and_writes_csv_and_parquet(self):
        spark = FakeSpark()
        code = self.run_main(spark, ["--table", "billing=raw_billing", "--currency-rates", "CAD=0.8,USD=1"])
        self.assertEqual(code, 0)
        self.assertEqual(
            spark.views,
            {"billing": "`lake`.`raw_billing`", "units_sold": "`lake`.`units_sold`", "production_costs": "`lake`.`production_costs`", "currency_rates": "rates"},
        )
        self.assertEqual(spark.rows, ([("CAD", Decimal("0.8")), ("USD", Decimal("1"))], "currency string, rate_to_usd decimal(18,6)"))
        self.assertTrue(spark.sql_run[0].startswith("-- Gross profit per (company, item)"))
        self.assertEqual(spark.written, [("csv", "s3://b/o/csv"), ("parquet", "s3://b/o/parquet")])
        self.assertEqual(spark.modes, ["overwrite", "overwrite"])
        self.assertTrue(spark.stopped)

    def test_without_rates_the_rates_view_is_empty_so_the_sql_defaults_apply(self):
        spark = FakeSpark()
        self.assertEqual(self.run_main(spark), 0)
        self.assertEqual(spark.rows[0], [])

    def test_a_failing_query_exits_non_zero_and_stops_spark(self):
        spark = FakeSpark(fail=True)
        self.assertEqual(self.run_main(spark), 1)
        self.assertTrue(spark.stopped)


if __name__ == "__main__":
    unittest.main()
