"""Real processes against one log file: killed mid-write, or writing at the same time.

The full run (200 trials) is ``python benchmarks/actionlog_stress.py``; this is its short form.
"""

from __future__ import annotations

import importlib.util
import os
import re
import sqlite3
import subprocess
import sys
from pathlib import Path
from types import ModuleType

import pytest

from uaction_desktop.actionlog.schema import SCHEMA_VERSION

pytestmark = pytest.mark.skipif(os.name != "posix", reason="SIGKILL and fork: POSIX only")

STRESS_SCRIPT = Path(__file__).resolve().parent.parent / "benchmarks" / "actionlog_stress.py"


@pytest.fixture(scope="module")
def stress() -> ModuleType:
    spec = importlib.util.spec_from_file_location("actionlog_stress", STRESS_SCRIPT)
    assert spec and spec.loader
    module = importlib.util.module_from_spec(spec)
    sys.modules[spec.name] = module  # dataclasses look their module up while being made
    spec.loader.exec_module(module)
    return module


@pytest.mark.slow
def test_writers_killed_at_random_moments_lose_nothing_reported(
    stress: ModuleType, tmp_path: Path
) -> None:
    outcome = stress.run_trials(tmp_path, trials=15, seed=20261128)
    assert outcome.missing == []
    assert outcome.damaged == []
    assert outcome.trials == 15
    assert set(outcome.kinds) == {"cli", "loop", "pair", "migrate"}
    assert outcome.killed > 0  # the kills did land while processes ran
    assert outcome.reported > 0
    assert outcome.v1_logs_checked == outcome.kinds["migrate"]


def test_two_processes_writing_at_once_lose_nothing(stress: ModuleType, tmp_path: Path) -> None:
    db = tmp_path / "shared.sqlite3"
    env = stress.child_env(tmp_path / "home")
    procs = [
        subprocess.Popen(
            stress.loop_command(db, count=60), env=env, stdout=subprocess.PIPE, text=True
        )
        for _ in range(2)
    ]
    outputs = [proc.communicate(timeout=120)[0] for proc in procs]
    assert [proc.returncode for proc in procs] == [0, 0]
    ids = [re.findall(r"^saved (\S+)$", out, re.MULTILINE) for out in outputs]
    assert [len(i) for i in ids] == [60, 60]
    conn = sqlite3.connect(db)
    try:
        stored = {row[0] for row in conn.execute("SELECT id FROM actions")}
        assert conn.execute("PRAGMA integrity_check").fetchall() == [("ok",)]
    finally:
        conn.close()
    assert stored == set(ids[0]) | set(ids[1])
    assert len(stored) == 120


def test_commands_racing_to_create_a_new_log_all_succeed(
    stress: ModuleType, tmp_path: Path
) -> None:
    """Four `log add` at once on a machine with no log yet: one creates it, all are stored."""
    env = stress.child_env(tmp_path / "home")
    procs = [
        subprocess.Popen(
            stress.cli_command(f"racer {n}"),
            env=env,
            stdout=subprocess.PIPE,
            stderr=subprocess.PIPE,
            text=True,
        )
        for n in range(4)
    ]
    results = [(proc.communicate(timeout=120), proc.returncode) for proc in procs]
    assert [code for _, code in results] == [0, 0, 0, 0], [err for (_, err), _ in results]
    ids = {re.search(r"^id: (\S+)$", out, re.MULTILINE).group(1) for (out, _), _ in results}  # type: ignore[union-attr]
    conn = sqlite3.connect(tmp_path / "home" / "data" / "actions.sqlite3")
    try:
        assert {row[0] for row in conn.execute("SELECT id FROM actions")} == ids
        assert conn.execute("PRAGMA user_version").fetchone()[0] == SCHEMA_VERSION
    finally:
        conn.close()
