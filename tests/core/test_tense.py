"""The tense that decides which Monday, which May: the verb governing a time expression."""

import pytest

from timeline_app.core.temporal.tense import tense


def at(sentence: str, expression: str) -> str:
    start = sentence.index(expression)
    return tense(sentence, start, start + len(expression))


@pytest.mark.parametrize("sentence, expression, expected", [
    ("Ryabkov said on Monday that the talks had failed.", "Monday", "past"),
    ("The talks will resume on Friday.", "Friday", "future"),
    ("Paribas said Monday that it intends to bid.", "Monday", "past"),  # the cue after "that" is another clause
    ("On Tuesday, the league plans to hold a news conference.", "Tuesday", "future"),
    ("Earlier Friday, lawyers filed a motion.", "Friday", "past"),
    ("The offer had been due to expire Friday evening.", "Friday evening", "past"),
    ("The relatives have until 9 a.m. Tuesday to sign.", "9 a.m. Tuesday", "future"),
    ("Officials postponed until Tuesday morning any action.", "Tuesday morning", "future"),
    ("The father would be traveling to the United States Thursday.", "Thursday", "future"),
    ("The dividend would be paid on a date in January.", "January", "future"),
    ("He would have left on Monday.", "Monday", "past"),
    ("The case is heard in May.", "May", "future"),
    ("Protesters were planning to drive to the airport on Monday.", "Monday", "future"),
    ("The peace process, set to resume Monday in Belfast.", "Monday", "future"),
    ("Markets were closed on Labor Day and will reopen Tuesday.", "Labor Day", "past"),
    ("Markets were closed on Labor Day and will reopen Tuesday.", "Tuesday", "future"),
    ("The ministry ruled and set Friday as the deadline.", "Friday", "past"),
    ("Her flats, worth $130 million in October, are worth half that now.", "October", "past"),
    ("Shootings that injured doctors in November.", "November", "past"),
    ("Nothing at all in March", "March", "past"),
])
def test_the_governing_verb_decides(sentence, expression, expected):
    assert at(sentence, expression) == expected


def test_a_sentence_boundary_stops_the_search():
    assert at("He will go. Smith met him Monday.", "Monday") == "past"
    assert at("She left. Monday the vote will be held.", "Monday") == "future"


@pytest.mark.parametrize("sentence, expression, expected", [
    ("The team planned to leave Nairobi on Thursday.", "Thursday", "future"),
    ("On Friday, the government planned to pay the first claims.", "Friday", "past"),
    ("The team had planned to leave on Thursday.", "Thursday", "past"),
])
def test_a_past_plan_points_ahead_only_for_what_was_planned(sentence, expression, expected):
    assert at(sentence, expression) == expected


@pytest.mark.parametrize("sentence, expression, expected", [
    ("He stayed in Paris until May.", "May", "past"),
    ("Officials postponed until Tuesday any action.", "Tuesday", "future"),
    ("Lenders have extended loans through January.", "January", "future"),
    ("Qantas will double its flights between Australia and India by August.", "August", "future"),
    ("It announced an agreement to acquire the bank in January.", "January", "future"),
    ("In January, Commissioner Doris Meissner ruled that he must go back.", "January", "past"),
    ("Unisys's announcement Friday of a loss showed that the company is weak.", "Friday", "past"),
])
def test_limits_plans_and_long_subjects(sentence, expression, expected):
    assert at(sentence, expression) == expected


def test_no_verb_says_nothing():
    from timeline_app.core.temporal.tense import stated_tense

    assert stated_tense("Nothing at all in March", 16, 21) is None
    assert stated_tense("They met in March", 12, 17) == "past"
