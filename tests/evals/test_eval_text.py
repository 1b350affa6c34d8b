from evals.text import contains, contains_term, normalize


def test_normalize_folds_case_quotes_and_whitespace():
    assert normalize("  It\u2019s  \u201cLONG\u201d\n\tterm ") == 'it\'s "long" term'


def test_contains_ignores_case_whitespace_and_curly_apostrophes():
    assert contains("Don\u2019t stop\n  suddenly.", "don't STOP suddenly")
    assert not contains("Don't stop suddenly.", "do not stop")


def test_empty_needle_is_never_contained():
    assert not contains("anything", "  ")


def test_numbers_must_not_touch_other_digits():
    assert contains_term("Programs last 30 days.", "30")
    assert contains_term("About 30% relapse.", "30")
    assert not contains_term("Up to 300 people.", "30")
    assert not contains_term("In 1,130 cases.", "30")
    assert contains_term("Sixty days", "sixty")
    assert contains_term("withdrawals", "withdrawal")  # words match as substrings
