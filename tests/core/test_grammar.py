"""The compositional grammar through tag(): each family of everyday phrasing, with a reference date.

A phrase alone (no verb around it) is a note, a form field or a line of an itinerary: it speaks of what is to
come. The examples are ours, written for these tests.
"""

from datetime import date, datetime

import pytest

from timeline_app.core.temporal import tag

REF = date(2017, 9, 26)  # a Tuesday


def found(text, ref=REF):
    return [(t.text, t.value) for t in tag(text, ref)]


@pytest.mark.parametrize(("text", "expected"), [
    ("June 3 to 5", [("June 3", "2018-06-03"), ("5", "2018-06-05")]),
    ("3-5 June", [("3", "2018-06-03"), ("5 June", "2018-06-05")]),
    ("2-3pm", [("2", "2017-09-26T14:00"), ("3pm", "2017-09-26T15:00")]),
    ("from Friday through Monday", [("Friday", "2017-09-29"), ("Monday", "2017-10-02")]),
    ("Fri 6 Oct 18:40 - 19:55", [("Fri 6 Oct 18:40", "2017-10-06T18:40"), ("19:55", "2017-10-06T19:55")]),
    ("Oct 6 at 2305-0715", [("Oct 6 at 2305", "2017-10-06T23:05"), ("0715", "2017-10-07T07:15")]),
    ("13.12 - 17.12", [("13.12", "2017-12-13"), ("17.12", "2017-12-17")]),
])
def test_ranges_give_both_ends_each_completed_by_the_other(text, expected):
    assert found(text) == expected


@pytest.mark.parametrize(("text", "value"), [
    ("14:45", "2017-09-26T14:45"),
    ("14h45", "2017-09-26T14:45"),
    ("half past two in the afternoon", "2017-09-26T14:30"),
    ("a quarter to six", "2017-09-26T05:45"),
    ("tonight at 9", "2017-09-26T21:00"),
    ("9am EST", "2017-09-26T09:00"),
    ("1530 GMT", "2017-09-26T15:30"),
    ("Oct 3 at 1105am", "2017-10-03T11:05"),
    ("on 14/12/2017 6:00PM", "2017-12-14T18:00"),
])
def test_clock_times(text, value):
    assert [v for _, v in found(text)] == [value]


@pytest.mark.parametrize(("text", "value"), [
    ("friday", "2017-09-29"),
    ("fri.", "2017-09-29"),
    ("sept 3", "2018-09-03"),
    ("next yr", "2018"),
    ("this qtr", "2017-Q3"),
    ("Q3 2019", "2019-Q3"),
    ("2019-10", "2019-10"),
    ("10/2019", "2019-10"),
    ("12-11-2017", "2017-11-12"),
])
def test_lower_case_and_abbreviations(text, value):
    assert [v for _, v in found(text)] == [value]


@pytest.mark.parametrize(("text", "value"), [
    ("the second Friday of May", "2017-05-12"),
    ("the last day of June", "2017-06-30"),
    ("third week of August", "2017-W34"),  # the third week that starts in August: 21-27
    ("week 36", "2017-W36"),
])
def test_ordinals_inside_a_period(text, value):
    assert [v for _, v in found(text)] == [value]


def test_a_week_value_and_its_bounds_agree():
    (t,) = tag("third week of August", REF)
    assert t.value == "2017-W34"
    assert (t.earliest, t.latest) == (date(2017, 8, 21), date(2017, 8, 27))


@pytest.mark.parametrize(("text", "value", "earliest"), [
    ("end of May", "2018-05", date(2018, 5, 21)),
    ("beginning of next year", "2018", date(2018, 1, 1)),
    ("EOY", "2017", date(2017, 9, 1)),
])
def test_part_of_a_period_is_its_first_middle_or_last_third(text, value, earliest):
    (t,) = tag(text, REF)
    assert t.value == value and t.earliest == earliest


@pytest.mark.parametrize(("text", "value"), [
    ("a fortnight ago", "2017-W37"),
    ("two years from now", "2019"),
    ("the day after tomorrow", "2017-09-28"),
    ("We will decide in ten days.", "2017-10-06"),
])
def test_offsets_from_the_reference(text, value):
    assert [v for _, v in found(text)] == [value]


def test_in_ten_days_told_in_the_past_is_a_length_not_a_date():
    assert found("The bridge was built in ten days.") == [("ten days", "P10D")]


@pytest.mark.parametrize(("text", "value"), [
    ("Thursday 28th in the late afternoon", "2017-09-28TAF"),
    ("evening of Friday, Oct 6th", "2017-10-06TEV"),
    ("next week Tues morning", "2017-10-03TMO"),
    ("the 25th", "2017-10-25"),
])
def test_pieces_intersect(text, value):
    assert [v for _, v in found(text)] == [value]


def test_a_sentence_with_a_verb_still_tells_the_past():
    assert found("The minister resigned on Friday evening after the vote.") == [("Friday evening", "2017-09-22TEV")]


@pytest.mark.parametrize("text", [
    "Shares fell 3.7% to $12.10 on heavy volume.",
    "Intel eased 1/8 to 31 7/8.",
    "The index was at 1,850 points; the dollar was at 1.8400 marks.",
    "Prices rose 20% to three cents.",
    "version 2.1.2017 is out",
    "He was one of two men who may march at the rally.",
    'He spoke on ABC\'s "This Week" about it.',
    "Cargo was worth $35 a night.",
])
def test_numbers_and_words_that_are_not_times(text):
    assert found(text) == []


def test_the_grammar_reads_a_datetime_reference_by_its_day():
    assert found("tomorrow evening", datetime(2017, 9, 26, 23, 30)) == [("tomorrow evening", "2017-09-27TEV")]


def test_dense_text_stays_cheap():
    """Thousands of time words in one stretch are parsed in bounded pieces (no quadratic composition)."""
    text = " ".join(["Friday 3 June at 9am, then"] * 3000)
    assert len(tag(text, REF)) >= 3000


@pytest.mark.parametrize(("text", "value"), [
    ("Monday 2.10", "2017-10-02"),  # a weekday and a day first date
    ("Mon Oct 2 08.40", "2017-10-02T08:40"),  # after a full date, a dotted time
    ("on monday 10/2 by 1830", "2017-10-02T18:30"),
    ("2 Oct 1815", "2017-10-02T18:15"),  # two centuries away in a line with no verb: a clock, not a year
    ("29.Sept evening", "2017-09-29TEV"),
    ("after 15:00 on Sunday 1", "2017-10-01T15:00"),
])
def test_dates_and_clocks_written_in_other_orders(text, value):
    assert [v for _, v in found(text)] == [value]


def test_a_year_stays_a_year_in_a_sentence():
    assert found("The treaty was signed on 2 Nov 1815 in Paris.") == [("2 Nov 1815", "1815-11-02")]


def test_chat_timestamps_with_a_colon_after_them():
    text = "Dana, 10:14: are we still on?\nEli, 10:20:05: yes"
    assert found(text) == [("10:14", "2017-09-26T10:14"), ("10:20:05", "2017-09-26T10:20")]


def test_the_nth_before_an_emoji():
    assert found("I will be at a wedding on the 21st \U0001F62C") == [("the 21st", "2017-10-21")]


@pytest.mark.parametrize("text", [
    "we gave it 5 stars", "they met at 5 stars", "line 10:15 of the script", "John 3:16 says", "a 24/7 service",
    "the shop at 7 eleven", "book room 1530",
])
def test_counted_things_are_not_times(text):
    assert found(text) == []


@pytest.mark.parametrize(("text", "expected"), [
    ("16.10. in the evening", [("16.10. in the evening", "2017-10-16TEV")]),
    ("from 25.10. to 26.10.", [("25.10.", "2017-10-25"), ("26.10.", "2017-10-26")]),
    ("on Thursday 28th September around 6.30 p.m", [("Thursday 28th September around 6.30 p.m", "2017-09-28T18:30")]),
    ("June 7th 17.05-18.15", [("June 7th 17.05", "2018-06-07T17:05"), ("18.15", "2018-06-07T18:15")]),
])
def test_continental_dates_and_times(text, expected):
    assert found(text) == expected


def test_a_time_in_brackets_narrows_the_date_before_it():
    assert found("October 10 (afternoon)") == [("October 10 (afternoon)", "2017-10-10TAF")]
    assert found("He scored (30) points on Friday.") == [("Friday", "2017-09-22")]


def test_a_day_number_alone_in_a_form_is_the_next_such_day():
    assert found("25th") == [("25th", "2017-10-25")]


def test_a_dotted_date_before_a_part_of_day_in_a_note_but_not_in_prose():
    assert found("8.10 in the evening") == [("8.10 in the evening", "2017-10-08TEV")]
    assert all("8" not in t and "10" not in t for t, _ in found("The index rose 8.10 in the morning session."))


@pytest.mark.parametrize(("text", "value"), [
    ("Oct 19th late", "2017-10-19TEV"),
    ("Thursday the 28th of Sept. early", "2017-09-28TMO"),
    ("early Thursday 28.9.2017", "2017-09-28TMO"),
])
def test_early_and_late_beside_a_day_in_a_note_are_parts_of_it(text, value):
    assert [v for _, v in found(text)] == [value]


def test_early_beside_a_day_in_prose_is_the_day():
    assert found("Police raided the house early Friday.") == [("Friday", "2017-09-22")]


def test_more_ranges():
    assert found("29 / 30 October") == [("29", "2017-10-29"), ("30 October", "2017-10-30")]
    assert found("27.10.2017 20-21") == [("27.10.2017", "2017-10-27"), ("20", "2017-10-27T20:00"),
                                         ("21", "2017-10-27T21:00")]
    assert found("He won 29 / 30 votes") == []


@pytest.mark.parametrize(("text", "expected"), [
    ("26/09 1210-1340", [("26/09 1210", "2017-09-26T12:10"), ("1340", "2017-09-26T13:40")]),
    ("on Sunday 1925", [("Sunday 1925", "2017-10-01T19:25")]),
    ("after 15:00 on Sunday 1", [("15:00 on Sunday 1", "2017-10-01T15:00")]),
    ("Thursday 28th September approximately 17.30.", [("Thursday 28th September approximately 17.30",
                                                       "2017-09-28T17:30")]),
    ("28.9. Thursday 10.00", [("28.9. Thursday 10.00", "2017-09-28T10:00")]),
])
def test_24_hour_clocks_in_notes(text, expected):
    assert found(text) == expected


def test_a_range_of_day_numbers():
    assert found("from 3. to 5.10.2017") == [("3", "2017-10-03"), ("5.10.2017", "2017-10-05")]
    assert found("24 - 29") == [("24", "2017-10-24"), ("29", "2017-10-29")]  # the end is never before the start
    assert found("Scores were 24 - 29 in the end.") == []


def test_a_bare_time_belongs_to_the_day_named_in_its_sentence_only():
    assert found("We will meet on Friday, and at 10:00 we start.") == [("Friday", "2017-09-29"),
                                                                     ("10:00", "2017-09-29T10:00")]
    assert found("We will meet on Friday. At 10:00 we start.") == [("Friday", "2017-09-29"),
                                                                  ("10:00", "2017-09-26T10:00")]
    text = "Eli, 10:20: I thought we said Friday\nDana, 10:21: ok"
    assert ("10:21", "2017-09-26T10:21") in found(text)


def test_a_history_keeps_its_year_for_what_the_grammar_composes():
    years = " ".join(f"In {y} the war went on." for y in range(1930, 1945))
    text = years + " In 1941 the army crossed the river. On June 22 at 3 a.m. the guns opened fire."
    assert ("June 22 at 3 a.m.", "1941-06-22T03:00") in found(text)
