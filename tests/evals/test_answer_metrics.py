from evals.metrics.answers import Citation, Quote, facts_found, grounding, parse

SOURCES = [
    "Withdrawal. Symptoms can  last WEEKS. More text.",
    "Inpatient rehab lasts 30 to 90 days.",
    "Rehab lasts 30 days in most programs.",
]
ANSWER = (
    'From "Withdrawal": "Symptoms can last weeks." [1] and "Rehab lasts 30 days" [2][3]. See also [4].\n'
    '"Clonazepam is safe for everyone."\n'
    "Not medical advice."
)


def test_parse_attaches_citations_to_the_quote_before_them():
    parsed = parse(ANSWER)
    assert parsed.quotes == (
        Quote("Withdrawal", ()),
        Quote("Symptoms can last weeks.", (1,)),
        Quote("Rehab lasts 30 days", (2, 3)),
        Quote("Clonazepam is safe for everyone.", ()),
    )
    # [4] follows another citation, so it belongs to no quote
    assert parsed.citations[-1] == Citation(4, None)


def test_parse_curly_quotes_comma_lists_and_new_lines():
    parsed = parse("\u201cA b c.\u201d [1, 2]\n[3]")
    assert parsed.quotes == (Quote("A b c.", (1, 2)),)
    assert parsed.citations == (Citation(1, "A b c."), Citation(2, "A b c."), Citation(3, None))


def test_grounding_hand_computed():
    g = grounding(ANSWER, SOURCES)
    # claims: the two cited quotes and the uncited 5-word quote; "Withdrawal" (1 word, uncited) is a term
    assert (g.claims, g.supported) == (3, 2)
    assert g.unsupported == ("Clonazepam is safe for everyone.",)
    # [1] ok, [2] does not hold its quote, [3] ok, [4] does not exist
    assert (g.citations, g.correct_citations, g.bad_citations) == (4, 2, (2, 4))


def test_ellipsis_pieces_must_each_be_in_the_source():
    assert grounding('"Symptoms can ... weeks" [1]', SOURCES).supported == 1
    assert grounding('"Symptoms can \u2026 days" [1]', SOURCES).supported == 0


def test_citation_of_a_missing_source_supports_nothing():
    g = grounding('"Rehab lasts 30 days" [9]', SOURCES)
    assert (g.claims, g.supported, g.correct_citations) == (1, 0, 0)


def test_text_without_quotes_or_citations_has_no_claims():
    g = grounding("I can't find this in the source page.", SOURCES)
    assert (g.claims, g.citations) == (0, 0)


def test_facts_alternatives_and_digit_boundaries():
    text = "Rehab lasts 30 days, often sixty; some 300."
    assert facts_found(text, ["30", "60|sixty", "90", "DAYS", "3"]) == (True, True, False, True, False)
    assert facts_found(text, []) == ()


def test_quote_citing_a_source_that_lacks_it_is_unsupported():
    g = grounding('"Rehab lasts 30 days" [2]', SOURCES)
    assert (g.claims, g.supported, g.unsupported, g.bad_citations) == (1, 0, ("Rehab lasts 30 days",), (2,))
