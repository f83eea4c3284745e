from timeline_app.core.text import sentence_spans


def sentences(text):
    return [text[a:b] for a, b in sentence_spans(text)]


def test_abbreviations_and_initialisms_do_not_end_a_sentence():
    text = "Mr. Smith met Gen. Lee on Sept. 26 in the U.S. capital. U.S. officials said so. It rained!"
    assert sentences(text) == ["Mr. Smith met Gen. Lee on Sept. 26 in the U.S. capital.", "U.S. officials said so.",
                               "It rained!"]


def test_paragraphs_and_quotes_end_sentences():
    text = 'Headline without a stop\n\n"We will not stand by," it said. Next one.'
    assert sentences(text) == ["Headline without a stop", '"We will not stand by," it said.', "Next one."]


def test_offsets_trim_blanks():
    text = "  One.   Two.  "
    assert sentence_spans(text) == [(2, 6), (9, 13)]


def test_a_clock_time_can_end_a_sentence():
    text = "He arrived at 9 a.m. The talks began at noon."
    assert sentences(text) == ["He arrived at 9 a.m.", "The talks began at noon."]
    assert sentences("It starts at 9 a.m. Tuesday in Paris.") == ["It starts at 9 a.m. Tuesday in Paris."]
