"""Appends benchmark rows to a record CSV (benchmarks/record/*.csv): the
date, the machine, then the caller's columns; the header goes in first when
the file is new. Shared by bench_arrow.py and bench_spark.py."""

import datetime
import os
import pathlib
import platform


def append_rows(path, header, rows):
    """`header` names the columns after date and machine; `rows` are their values."""
    machine = f"{os.cpu_count()}-core {platform.machine()} (rust machine)"
    date = datetime.date.today().isoformat()
    new = not pathlib.Path(path).exists()
    with open(path, "a", encoding="utf-8") as f:
        if new:
            f.write(",".join(["date", "machine", *header]) + "\n")
        for row in rows:
            f.write(",".join([date, machine, *(str(v) for v in row)]) + "\n")
