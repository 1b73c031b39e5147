"""What the Python tests share: the CLI built beside the module, and a result read back as JSON.

ctest passes ENTENTE_CLI (the built `entente`) and PYTHONPATH (build/<preset>/python)."""

import json
import math
import os
import subprocess

import pytest


def run_cli(*args):
    """Runs the built CLI; returns (exit code, stdout, stderr)."""
    cli = os.environ.get("ENTENTE_CLI")
    if not cli:
        pytest.fail("ENTENTE_CLI is not set: run these tests through ctest, which names the built entente")
    # Without ENTENTE_DB, which would point the CLI at another store than the World's.
    env = {k: v for k, v in os.environ.items() if k != "ENTENTE_DB"}
    done = subprocess.run([cli, *map(str, args)], capture_output=True, text=True, env=env)
    return done.returncode, done.stdout, done.stderr


def cli_json(*args):
    """The CLI's --format json answer, parsed; fails the test when the CLI fails."""
    code, out, err = run_cli(*args, "--format", "json")
    assert code == 0, err
    return json.loads(out)


def without_seconds(value):
    """A result without its "seconds" fields: the wall-clock time a search took differs from run
    to run; nothing else may."""
    if isinstance(value, dict):
        return {k: without_seconds(v) for k, v in value.items() if k != "seconds"}
    if isinstance(value, list):
        return [without_seconds(v) for v in value]
    return value


def _json_value(value):
    # A DataFrame reads JSON null as NaN (numeric columns) or None; JSON has only null.
    if isinstance(value, float) and math.isnan(value):
        return None
    return value


def frame_json(frame):
    """A DataFrame result as the JSON document it was read from: .attrs, then the rows."""
    rows = [{k: _json_value(v) for k, v in row.items()} for row in frame.to_dict("records")]
    return {**frame.attrs, "rows": rows}


@pytest.fixture(scope="session")
def source_dir():
    """The repository root (ctest passes ENTENTE_SOURCE_DIR)."""
    path = os.environ.get("ENTENTE_SOURCE_DIR")
    if not path:
        pytest.fail("ENTENTE_SOURCE_DIR is not set: run these tests through ctest")
    return path
