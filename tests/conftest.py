"""Shared test set-up: headless Qt, and every app path inside the test's own tmp_path."""

from __future__ import annotations

import os
import socket
from datetime import date
from pathlib import Path

import pytest

os.environ.setdefault("QT_QPA_PLATFORM", "offscreen")

REPO = Path(__file__).resolve().parent.parent
BUNDLED_CASE = REPO / "cases" / "ua-63-18-kazakhstan.toml"
FIXTURES = Path(__file__).resolve().parent / "fixtures"
# A day on which the bundled UA 63/18 is still active (its deadline is 2018-06-08).
CASE_ACTIVE_DAY = date(2018, 4, 2)


@pytest.fixture(autouse=True)
def isolated_home(tmp_path_factory: pytest.TempPathFactory, monkeypatch) -> Path:
    """No test ever touches the real home directory: UACTION_HOME points into a temporary
    folder of the test's own, beside tmp_path (so the case index the app keeps in the home's
    cache folder is never a stray file among a test's outputs)."""
    home = tmp_path_factory.mktemp("uaction-home")
    home.rmdir()  # a unique name; the app makes the folder when it needs it
    monkeypatch.setenv("UACTION_HOME", str(home))
    monkeypatch.setenv("QT_QPA_PLATFORM", "offscreen")
    # The app's language follows the system locale: tests start from English whatever the
    # machine's locale is, and set these themselves to test another.
    for variable in ("LANGUAGE", "LC_ALL", "LC_MESSAGES"):
        monkeypatch.delenv(variable, raising=False)
    monkeypatch.setenv("LANG", "C.UTF-8")
    return home


@pytest.fixture(autouse=True)
def english_interface():
    """Each test starts in English, and leaves the interface in English (a test that runs
    ``uaction --lang fr`` in-process changes the language of the whole process)."""
    from uaction_desktop import i18n

    i18n.set_language("en")
    yield
    i18n.set_language("en")


@pytest.fixture
def no_network(monkeypatch: pytest.MonkeyPatch) -> list[tuple]:
    """Fail loudly if anything tries to open a network socket; returns the attempts."""
    attempts: list[tuple] = []
    real_socket = socket.socket

    class GuardedSocket(real_socket):  # type: ignore[misc, valid-type]
        def __init__(self, family: int = -1, *args, **kwargs) -> None:
            if family in (socket.AF_INET, socket.AF_INET6):
                attempts.append((family, args))
                raise AssertionError("the app must never open a network socket")
            super().__init__(family, *args, **kwargs)

    monkeypatch.setattr(socket, "socket", GuardedSocket)
    return attempts


@pytest.fixture(scope="session")
def case():
    """The bundled UA 63/18, loaded once (the core's own loader, as the app reads it)."""
    from uaction_desktop.casefile import load_case_file

    loaded = load_case_file(BUNDLED_CASE).case
    assert loaded is not None
    return loaded


@pytest.fixture
def reads(monkeypatch: pytest.MonkeyPatch) -> list[str]:
    """The case files read and validated (not taken from the case index), in order."""
    from uaction_desktop import case_index

    seen: list[str] = []
    real = case_index.load_case_file

    def counting(path):
        seen.append(Path(path).name)
        return real(path)

    monkeypatch.setattr(case_index, "load_case_file", counting)
    return seen
