"""The robustness suite's perturbations: deterministic, each does what its name says, and each
returns None where it does not apply."""

from __future__ import annotations

import pytest

from assistant.safety.normalize import normalize
from assistant.safety.perturb import ENGLISH_ONLY, PERTURBATIONS, perturb

MESSAGE = "My friend took 20 Klonopin, she won't wake up. Please help right now!"


@pytest.mark.parametrize("kind", sorted(PERTURBATIONS))
def test_every_perturbation_is_deterministic_and_changes_the_message(kind: str) -> None:
    first = perturb("s-1", MESSAGE, kind)
    if kind == "od_variant":
        assert first is None  # no overdose word in MESSAGE
        return
    assert first is not None and first != MESSAGE
    assert perturb("s-1", MESSAGE, kind) == first
    others = {perturb(f"s-{i}", MESSAGE, kind) for i in range(20)}
    if kind not in ("all_caps", "text_speak", "no_punctuation", "third_person", "drug_names"):
        assert len(others) > 1  # seeded per case: cases get different typos, greetings, spaces


def test_typos_change_one_word_by_one_edit() -> None:
    for kind, delta in (("typo_swap", 0), ("typo_drop", -1), ("typo_double", 1)):
        out = perturb("s-2", MESSAGE, kind)
        assert len(out) == len(MESSAGE) + delta
        changed = [(a, b) for a, b in zip(MESSAGE.split(), out.split(), strict=True) if a != b]
        assert len(changed) == 1 and changed[0][0][0] == changed[0][1][0], (kind, changed)


def test_invisible_and_look_alike_characters_fold_back_to_the_original_for_the_router() -> None:
    for kind in ("zero_width", "homoglyphs", "extra_spaces", "all_caps"):
        out = perturb("s-3", MESSAGE, kind)
        assert normalize(out).text == normalize(MESSAGE).text, kind


def test_overdose_spellings_keep_the_tense() -> None:
    assert perturb("s-4", "she overdosed on kpins", "od_variant") in {
        "she OD'd on kpins",
        "she ODd on kpins",
        "she ODed on kpins",
    }
    assert perturb("s-4", "i think i'm overdosing", "od_variant") == "i think i'm ODing"
    assert perturb("s-4", "nothing to see", "od_variant") is None


def test_drug_names_swap_every_mention_and_third_person_reads_as_someone_else() -> None:
    out = perturb("s-5", "my klonopin and my Klonopin bottle", "drug_names")
    assert "klonopin" not in out.lower() or out.count("Klonopin") == 0 or "clonazepam" in out
    assert (
        perturb("s-5", "I want to stop my klonopin", "third_person")
        == "my sister says she want to stop her klonopin"
    )
    assert perturb("s-5", "nothing personal here", "third_person") is None


def test_english_only_perturbations_skip_spanish_messages() -> None:
    for kind in ENGLISH_ONLY:
        assert perturb("s-6", "I want to stop right now please", kind, lang="es") is None
