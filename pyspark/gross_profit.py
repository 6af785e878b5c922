"""Gross profit per (company, item) on EMR: a thin Spark wrapper around the shared report SQL.

The SQL is shared/sql/gross-profit.sql, the same file the local DuckDB engine runs and the tests prove
against the fixtures. Lakedesk uploads it beside this script and passes it with spark-submit --files,
so it lands in the driver's working directory; an s3:// URI works too.

    spark-submit --deploy-mode cluster \\
      --files s3://b/lakedesk/code/0.1.0/gross-profit.sql,s3://b/lakedesk/code/0.1.0/gross-profit-notes.sql \\
      s3://b/lakedesk/code/0.1.0/gross_profit.py \\
      --database lake --sql gross-profit.sql --notes-sql gross-profit-notes.sql \\
      --output s3://b/lakedesk/output/gross-profit/run_id=R1/ --run-id R1 \\
      [--table billing=raw_billing ...] [--currency-rates USD=1,CAD=0.79,MXN=0.05]

Writes CSV (with header) to OUTPUT/csv/, Parquet to OUTPUT/parquet/ and the exclusions by reason to
OUTPUT/notes/ (overwriting that run's folder), logs the counts, and exits non-zero on failure.
"""

import argparse
import logging
import os
import re
import sys
from decimal import Decimal, InvalidOperation

LOG = logging.getLogger("gross_profit")

# The tables the report SQL reads, and whether a run can do without them.
SQL_TABLES = {"billing": True, "units_sold": True, "production_costs": True, "currency_rates": False}

# Spark SQL has no length-less VARCHAR (it asks for VARCHAR(n) and then treats it as STRING), and
# Trino has no STRING: the shared SQL says VARCHAR, and this is the one rewrite Spark needs.
_VARCHAR = re.compile(r"\bAS\s+VARCHAR\b(?!\s*\()", re.IGNORECASE)


def table_mapping(value):
    """argparse type for --table SQL_NAME=GLUE_NAME."""
    name, sep, glue = value.partition("=")
    if not sep or name not in SQL_TABLES or not re.fullmatch(r"[A-Za-z0-9_]+", glue):
        raise argparse.ArgumentTypeError(
            "expected SQL_NAME=GLUE_NAME with SQL_NAME one of %s, got %r" % (", ".join(SQL_TABLES), value)
        )
    return name, glue


def currency_rates(value):
    """argparse type for --currency-rates USD=1,CAD=0.79: currency codes to positive decimals."""
    rates = {}
    for pair in filter(None, value.split(",")):
        code, sep, rate = pair.strip().partition("=")
        try:
            number = Decimal(rate)
        except InvalidOperation:
            number = Decimal(-1)
        if not sep or not re.fullmatch(r"[A-Z]{3}", code) or number <= 0:
            raise argparse.ArgumentTypeError("expected CODE=RATE pairs such as USD=1,CAD=0.79, got %r" % pair)
        rates[code] = number
    if not rates:
        raise argparse.ArgumentTypeError("no currency rates given")
    return rates


def parse_args(argv):
    """The job's command line; exits 2 with usage on bad arguments, as argparse does."""
    parser = argparse.ArgumentParser(
        prog="gross_profit.py",
        description="Gross profit per (company, item) from the Glue catalog tables, with the shared report SQL.",
    )
    parser.add_argument("--database", required=True, help="Glue database holding the tables")
    parser.add_argument("--sql", required=True, help="the report SQL: a file name (from --files) or s3:// URI")
    parser.add_argument("--notes-sql", help="the notes SQL (exclusions by reason); optional")
    parser.add_argument("--output", required=True, help="s3:// prefix of this run; csv/, parquet/, notes/ go under it")
    parser.add_argument("--run-id", required=True, help="the run's id, for the logs")
    parser.add_argument(
        "--table", action="append", type=table_mapping, default=[], metavar="SQL_NAME=GLUE_NAME",
        help="a Glue table name that differs from the SQL's (billing, units_sold, production_costs, currency_rates)",
    )
    parser.add_argument(
        "--currency-rates", type=currency_rates, metavar="USD=1,CAD=0.79",
        help="rates to USD; default: the currency_rates table if mapped, else the SQL's defaults",
    )
    args = parser.parse_args(argv)
    if not args.output.startswith(("s3://", "s3a://", "s3n://", "file:", "/")):
        parser.error("--output must be an s3:// URI or a path")
    args.output = args.output if args.output.endswith("/") else args.output + "/"
    args.tables = dict(args.table)
    return args


def to_spark_sql(sql):
    """The shared SQL as Spark takes it: no trailing semicolon, VARCHAR casts as STRING."""
    return _VARCHAR.sub("AS STRING", sql.strip().rstrip(";").strip())


def load_sql(name, read_uri=None):
    """Reads a SQL file: an s3:// URI through `read_uri` (Spark), else a local path (--files)."""
    if name.startswith(("s3://", "s3a://", "s3n://")):
        if read_uri is None:
            raise ValueError("cannot read %s without Spark" % name)
        text = read_uri(name)
    else:
        path = name if os.path.exists(name) else os.path.basename(name)
        with open(path, encoding="utf-8") as f:
            text = f.read()
    if not text.strip():
        raise ValueError("the SQL file %s is empty" % name)
    return to_spark_sql(text)


def register_tables(spark, args):
    """Temp views with the names the SQL reads, over the Glue tables (or the rates given)."""
    for name, required in SQL_TABLES.items():
        glue = args.tables.get(name, name if required else None)
        if glue is not None:
            spark.table("`%s`.`%s`" % (args.database, glue)).createOrReplaceTempView(name)
    if "currency_rates" in args.tables:
        return
    rows = [(code, rate) for code, rate in sorted((args.currency_rates or {}).items())]
    # No rates and no table: an empty table, so the SQL falls back to its documented defaults.
    schema = "currency string, rate_to_usd decimal(18,6)"
    spark.createDataFrame(rows, schema).createOrReplaceTempView("currency_rates")


def run(spark, args):
    """Runs the report and writes its outputs; returns the number of rows written."""
    reader = lambda uri: "\n".join(r.value for r in spark.read.text(uri, wholetext=True).collect())
    sql = load_sql(args.sql, reader)
    register_tables(spark, args)
    report = spark.sql(sql).cache()
    rows = report.count()
    # CRLF, as RFC 4180 and every other CSV Lakedesk writes (exports, the local gross-profit job).
    report.coalesce(1).write.mode("overwrite").option("header", True).option("lineSep", "\r\n").csv(args.output + "csv")
    report.coalesce(1).write.mode("overwrite").parquet(args.output + "parquet")
    LOG.info("rows_written=%d output=%scsv/", rows, args.output)
    print("rows_written=%d output=%scsv/" % (rows, args.output))
    if args.notes_sql:
        notes = spark.sql(load_sql(args.notes_sql, reader))
        notes.coalesce(1).write.mode("overwrite").option("header", True).csv(args.output + "notes")
        for reason, bills in notes.where("reason IS NOT NULL").groupBy("reason").sum("bills").orderBy("reason").collect():
            print('excluded reason="%s" bills=%d' % (reason, bills))
    return rows


def main(argv=None):
    args = parse_args(sys.argv[1:] if argv is None else argv)
    logging.basicConfig(level=logging.INFO, format="%(asctime)s %(levelname)s %(name)s: %(message)s")
    LOG.info("gross_profit: run %s, database %s", args.run_id, args.database)
    from pyspark.sql import SparkSession  # imported late: --help and the tests need no Spark

    spark = SparkSession.builder.appName("lakedesk-gross-profit-%s" % args.run_id).enableHiveSupport().getOrCreate()
    try:
        run(spark, args)
    except Exception:
        LOG.exception("gross_profit failed")
        return 1
    finally:
        spark.stop()
    return 0


if __name__ == "__main__":
    sys.exit(main())
