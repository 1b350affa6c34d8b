from __future__ import annotations

import pytest

from assistant.safety.normalize import normalize


@pytest.mark.parametrize(
    ("raw", "expected"),
    [
        ("HELP", "help"),
        ("helppp", "help"),
        ("pleeease", "please"),
        ("sleeeep", "sleep"),
        ("she can’t breathe", "she can not breathe"),
        ("he won't wake up", "he will not wake up"),
        ("cant wont dont", "can not will not do not"),
        ("i'm scared rn", "i am scared right now"),
        ("u ok?", "you ok ?"),
        ("   lots    of\tspace  ", "lots of space"),
        ("tomó él está", "tomo el esta"),
        ("klonipin", "klonopin"),
        ("clonazapam", "clonazepam"),
        ("Rivitril", "rivotril"),
        ("cold turky", "cold turkey"),
        ("she OD'd", "she overdosed"),
        ("took 20mg", "took 20 mg"),
        ("0.5 mg", "0.5 mg"),
        ("twenty pills", "20 pills"),
        ("k-pins", "k pins"),
    ],
)
def test_normalize(raw: str, expected: str) -> None:
    assert normalize(raw).text == expected


def test_tokens_keep_their_raw_words() -> None:
    norm = normalize("He  won’t wake up!!")
    first, last = norm.token_range(norm.text.index("will"), norm.text.index("up") + 2)
    assert norm.raw_words(first, last) == "won’t wake up"


def test_clauses_split_at_sentence_ends_and_but() -> None:
    norm = normalize("I'm not suicidal. but I took 30 pills")
    assert norm.clause[norm.tokens.index("suicidal")] != norm.clause[norm.tokens.index("took")]


def test_common_words_are_not_mistaken_for_drug_names() -> None:
    assert normalize("clinical colonoscopy kindness").text == "clinical colonoscopy kindness"
