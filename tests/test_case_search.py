"""The case search's word index gives exactly what searching every case's text gives, whatever
the query and however it grows as the user types."""

from __future__ import annotations

import random

import pytest

from uaction_desktop.case_search import CaseSearch, WordIndex, fold

SYLLABLES = ["ka", "lo", "mi", "ra", "ne", "to", "su", "zé", "ğu", "63/18", "ua", "o'"]


def texts(rng: random.Random, rows: int) -> list[str]:
    def word() -> str:
        return "".join(rng.choice(SYLLABLES) for _ in range(rng.randint(1, 4)))

    return [
        " ".join(dict.fromkeys(fold(" ".join(word() for _ in range(rng.randint(1, 30)))).split()))
        for _ in range(rows)
    ]


def scanned(all_texts: list[str], query: str) -> list[int] | None:
    words = fold(query).split()
    if not words:
        return None
    return [n for n, text in enumerate(all_texts) if all(w in text for w in words)]


@pytest.mark.parametrize("seed", range(4))
def test_the_word_index_finds_what_the_texts_hold(seed: int, monkeypatch) -> None:
    rng = random.Random(seed)
    all_texts = texts(rng, 1_500)
    monkeypatch.setattr(WordIndex, "COMMON", rng.choice([1, 40, 1_000]))  # each way taken
    plain, indexed = CaseSearch([""] * 1_500, all_texts), CaseSearch([""] * 1_500, all_texts)
    indexed.build_now()
    for _ in range(60):
        query = " ".join(rng.choice(SYLLABLES)[: rng.randint(1, 3)] for _ in range(3))
        query = query[: rng.randint(0, len(query))]
        for end in range(len(query) + 1):  # typed, one key at a time
            expected = scanned(all_texts, query[:end])
            assert plain.rows(query[:end]) == expected
            assert indexed.rows(query[:end]) == expected, query[:end]


def test_the_index_built_a_little_at_a_time_changes_no_answer() -> None:
    all_texts = texts(random.Random(7), 2_000)
    search = CaseSearch([""] * 2_000, all_texts)
    queries = ["ka", "kalo", "zé mi", "ğ", "63/18", "o'", "to", "zé", "ğu ra"]
    steps = 0
    while not search.build_index(300):  # answers come from the texts until it is done
        query = queries[steps % len(queries)]
        steps += 1
        assert search.rows(query) == scanned(all_texts, query)
    assert steps >= 6  # 2,000 cases at 300 a time: not complete before the seventh step
    for query in queries:  # and from the index once it is
        assert search.rows(query) == scanned(all_texts, query)


def test_one_or_two_letters_are_answered_from_their_masks_as_the_texts_would() -> None:
    all_texts = texts(random.Random(3), 1_200)
    search = CaseSearch([""] * 1_200, all_texts)
    search.build_now()
    index = search._words
    assert index is not None
    pairs = {word[i : i + 2] for text in all_texts for word in text.split() for i in range(3)}
    for pair in sorted((pairs - {""}) | {"zz", "é'", "q"}):  # a word's last letter alone too
        expected = [n for n, text in enumerate(all_texts) if pair in text]
        held = index.rows_with(pair)
        assert held == expected, pair


def test_a_ua_number_finds_its_case_in_any_form() -> None:
    search = CaseSearch(["63/18", "1/24"], ["ua 63/18 63.18 akmaral", "ua 1/24 1.24 other"])
    search.build_now()
    assert search.rows("UA63/18") == [0]
    assert search.rows("akmaral") == [0]
    assert search.rows("nothing") == []
