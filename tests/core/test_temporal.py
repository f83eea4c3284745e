"""The temporal tagger: recognition, TIMEX3 values and intervals, and robustness on any string."""

from datetime import date, datetime
from pathlib import Path

import pytest
from hypothesis import given, settings
from hypothesis import strategies as st

from timeline_app.temporal import tag

REF = date(2017, 9, 26)  # a Tuesday
SEED = Path(__file__).parents[2] / "seeds" / "russia-us-syria-2017-09-26.txt"


def values(text, ref=REF):
    return [(t.text, t.type, t.value) for t in tag(text, ref)]


def test_sample_article_resolves_its_relative_references():
    found = {(t.text, t.value, str(t.earliest), str(t.latest)) for t in tag(SEED.read_text(), REF)}
    assert ("earlier this month", "2017-09", "2017-09-01", "2017-09-25") in found
    assert ("September 25", "2017-09-25", "2017-09-25", "2017-09-25") in found
    assert ("the weekend", "2017-W38-WE", "2017-09-23", "2017-09-24") in found
    assert ("this week", "2017-W39", "2017-09-25", "2017-10-01") in found
    assert ("September 23", "2017-09-23", "2017-09-23", "2017-09-23") in found
    last_weeks = [t for t in tag(SEED.read_text(), REF) if t.text == "last week"]
    assert len(last_weeks) == 3 and {t.value for t in last_weeks} == {"2017-W38"}


@pytest.mark.parametrize("text, expected", [
    ("March 21, 2013", ("March 21, 2013", "DATE", "2013-03-21")),
    ("on 21 March 2013", ("21 March 2013", "DATE", "2013-03-21")),
    ("dated 2013-03-21.", ("2013-03-21", "DATE", "2013-03-21")),
    ("dated 21/03/2013.", ("21/03/2013", "DATE", "2013-03-21")),
    ("in March 2013", ("March 2013", "DATE", "2013-03")),
    ("profits in 1998 rose", ("1998", "DATE", "1998")),
    ("during the 1990s", ("the 1990s", "DATE", "199")),
    ("results for fiscal 1998", ("fiscal 1998", "DATE", "1998")),
    ("by mid-2012", ("mid-2012", "DATE", "2012")),
    ("prices fell this spring", ("this spring", "DATE", "2017-SP")),
    ("the third quarter", ("the third quarter", "DATE", "2017-Q3")),
])
def test_absolute_dates(text, expected):
    assert expected in values(text)


@pytest.mark.parametrize("text, expected", [
    ("Ryabkov said on Monday that", ("Monday", "DATE", "2017-09-25")),
    ("the talks will resume on Friday", ("Friday", "DATE", "2017-09-29")),
    ("He spoke yesterday.", ("yesterday", "DATE", "2017-09-25")),
    ("two days ago", ("two days ago", "DATE", "2017-09-24")),
    ("three years from now", ("three years from now", "DATE", "2020")),
    ("last month", ("last month", "DATE", "2017-08")),
    ("next year", ("next year", "DATE", "2018")),
    ("It is now clear", ("now", "DATE", "PRESENT_REF")),
    ("he recently said", ("recently", "DATE", "PAST_REF")),
    ("they met Monday morning", ("Monday morning", "TIME", "2017-09-25TMO")),
    ("at 8:30 a.m. on Tuesday", ("8:30 a.m. on Tuesday", "TIME", "2017-09-26T08:30")),
])
def test_relative_references(text, expected):
    assert expected in values(text)


def test_anaphora_counts_from_the_last_date_mentioned():
    found = values("The siege began on May 3, 2016. Two days later the city fell.")
    assert ("Two days later", "DATE", "2016-05-05") in found


def test_a_year_earlier_compares_with_the_quarter_being_reported():
    found = values("Third-quarter profit rose 5% from a year earlier.", date(1989, 10, 26))
    assert ("Third-quarter", "DATE", "1989-Q3") in found
    assert ("a year earlier", "DATE", "1988-Q3") in found


@pytest.mark.parametrize("text, expected", [
    ("for three years", ("three years", "DURATION", "P3Y")),
    ("over the past five months", ("the past five months", "DURATION", "P5M")),
    ("a two-week visit", ("two-week", "DURATION", "P2W")),
    ("it took 5 1/2 hours", ("5 1/2 hours", "DURATION", "PT5H30M")),
    ("every Monday", ("every Monday", "SET", "XXXX-WXX-1")),
    ("published annually", ("annually", "SET", "P1Y")),
])
def test_durations_and_sets(text, expected):
    assert expected in values(text)


def test_ranges_are_two_expressions():
    found = values("between 2009 and 2010")
    assert ("2009", "DATE", "2009") in found and ("2010", "DATE", "2010") in found


@pytest.mark.parametrize("text", [
    "The company paid $1998 for it.",
    "Some 1,998 people attended.",
    "the 757 jet",
    "a 6-year-old boy",
    "You may leave.",
    "We will march on.",
    "It rose 2000 percent.",
])
def test_numbers_and_words_that_are_not_times(text):
    assert values(text) == []


def test_vague_times_are_spans_not_points():
    (last_week,) = tag("last week", REF)
    assert (last_week.earliest, last_week.latest) == (date(2017, 9, 18), date(2017, 9, 24))
    assert not last_week.is_point
    (day,) = tag("on September 25", REF)
    assert day.is_point


def test_offsets_are_into_the_given_text():
    text = "Après l’accord, on 5 March 2016 — “two days later” — they met."
    for t in tag(text, REF):
        assert text[t.start:t.end] == t.text


def test_reference_may_be_a_datetime():
    assert values("yesterday", datetime(2017, 9, 26, 14, 30)) == [("yesterday", "DATE", "2017-09-25")]


@settings(max_examples=300, deadline=None)
@given(st.text())
def test_never_raises_on_any_string(text):
    for t in tag(text, REF):
        assert 0 <= t.start < t.end <= len(text)


@settings(max_examples=100, deadline=None)
@given(st.lists(st.sampled_from([
    "9999999999999999999", "September 99", "0/0/0000", "the 99999th century", "\x00", "\u202e", "last", "week",
    " ", "\n", "31 February 2013", "12:99 p.m.", "Q5 2013", "fiscal 0000", "'00s", "nineteen", "ago", "-",
    "March", "Monday", "two", "days", "earlier", "the", "İ", "ﬀ", "2/30/2013", "9999-99-99",
]), max_size=40))
def test_never_raises_on_adversarial_fragments(words):
    text = " ".join(words)
    for t in tag(text, REF):
        assert text[t.start:t.end] == t.text


def test_one_megabyte_input():
    text = ("On March 3, 2016, officials said the talks, which began two days earlier, would resume next week. "
            "Sales rose 12% to $1,998 million. ") * 8000
    found = tag(text, REF)
    assert len(found) == 3 * 8000


def test_a_history_resolves_yearless_dates_in_the_year_it_tells_of():
    text = ("In 1941 the army crossed the border. In 1942 the siege began; in 1943 it ended. By 1944 the front had "
            "moved west, and 1945 brought peace. The war had begun in 1939. "
            "Historians in 1950, 1960 and 1970 disagreed. "
            "In 1942, in March, the city fell. On June 3 the army retreated. The following year it returned.")
    found = values(text, date(2009, 5, 1))
    assert ("March", "DATE", "1942-03") in found
    assert ("June 3", "DATE", "1942-06-03") in found
    assert ("The following year", "DATE", "1943") in found


def test_news_yearless_dates_stay_near_the_publication_date():
    found = values("The 1988 results were poor. In March, the company hired a new chief.", date(1989, 10, 26))
    assert ("March", "DATE", "1989-03") in found


@pytest.mark.parametrize("text, expected", [
    ("Revenue in Q3 2019 rose", ("Q3 2019", "DATE", "2019-Q3")),
    ("at 2:30 p.m. ET Tuesday", ("2:30 p.m. ET Tuesday", "TIME", "2017-09-26T14:30")),
    ("this past weekend", ("this past weekend", "DATE", "2017-W38-WE")),
    ("by the end of the week", ("the end of the week", "DATE", "2017-W39")),
    ("it took two to three weeks", ("two to three weeks", "DURATION", "PXW")),
    ("On May 3 they met. The previous Friday they argued.", ("The previous Friday", "DATE", "2017-04-28")),
])
def test_news_shorthand(text, expected):
    assert expected in values(text)


def test_a_weekday_picks_the_year_of_a_yearless_date():
    found = values("an editorial on Monday, Oct. 26: The", date(2000, 2, 24))
    assert ("Monday, Oct. 26", "DATE", "1998-10-26") in found


def test_the_day_before_a_weekday():
    assert ("The day before last Tuesday", "DATE", "2000-02-21") in values(
        "The day before last Tuesday's hearing", date(2000, 2, 24))


def test_a_day_counts_only_from_a_day():
    found = values("In 1990 it grew. The day before, it fell.", date(2000, 2, 24))
    assert ("The day before", "DATE", "2000-02-23") in found


def test_that_day_and_that_year_refer_back():
    assert ("That day", "DATE", "2015-01-05") in values("On Jan. 5, 2015, he resigned. That day, markets fell.")
    found = values("In 2009 the bank failed. That year, unemployment rose. The same year, taxes rose.")
    assert ("That year", "DATE", "2009") in found and ("The same year", "DATE", "2009") in found
    assert values("That day was sunny.") == []


@pytest.mark.parametrize("text, ref, expected", [
    ("Last winter was cold.", date(2017, 9, 26), ("Last winter", "DATE", "2016-WI")),
    ("Next winter will be cold.", date(2017, 9, 26), ("Next winter", "DATE", "2017-WI")),
    ("Last winter was cold.", date(2018, 3, 15), ("Last winter", "DATE", "2017-WI")),
    ("Sales rose in summer 2016.", date(2017, 9, 26), ("summer 2016", "DATE", "2016-SU")),
])
def test_seasons(text, ref, expected):
    assert expected in values(text, ref)


def test_the_past_months_end_at_the_reference():
    (t,) = tag("the past 12 months", REF)
    assert (t.value, t.earliest, t.latest) == ("P12M", date(2016, 9, 26), REF)


def test_a_clause_after_and_does_not_lend_its_tense():
    assert ("Labor Day", "DATE", "2017-09-04") in values("Markets were closed on Labor Day and will reopen Tuesday.")


@pytest.mark.parametrize("text", [
    "The Fed cut by a quarter percentage point.", "He got a second chance.", "hired 2000 staff and 1999 engineers",
    "in Room 1912", "at 1600 Pennsylvania Avenue", "on Highway 2016", "version 2.1.2017",
])
def test_more_numbers_that_are_not_times(text):
    assert values(text) == []


def test_extreme_reference_dates_do_not_raise():
    assert isinstance(tag("midnight last winter", date(9999, 12, 31)), list)
    assert isinstance(tag("the year 1 BC, two days earlier", date(1, 1, 1)), list)


def test_ranges_written_with_a_dash_are_their_two_ends():
    """As TimeML annotates them: each end is an expression, and the short end takes the long one's month."""
    assert values("He was in office 2001-2005.") == [("2001", "DATE", "2001"), ("2005", "DATE", "2005")]
    assert values("The summit runs Sept. 20-22.") == [("Sept. 20", "DATE", "2017-09-20"), ("22", "DATE", "2017-09-22")]


def test_a_weekday_named_by_what_happened_on_it_is_past():
    found = values("Lawyers said they would look for ways around Wednesday's ruling.")
    assert ("Wednesday", "DATE", "2017-09-20") in found


def test_an_earnings_report_speaks_of_the_quarter_it_names_first():
    text = ("Acme Corp. said third-quarter net income rose 11% from a year ago. It expects a fourth-quarter "
            "charge. Sales in the latest quarter rose, after falling in the year-earlier period. For the first "
            "nine months, net rose from the 1988 period.")
    found = values(text, date(1989, 11, 2))
    for expected in [("third-quarter", "DATE", "1989-Q3"), ("a year ago", "DATE", "1988-Q3"),
                     ("fourth-quarter", "DATE", "1989-Q4"), ("the latest quarter", "DATE", "1989-Q3"),
                     ("the year-earlier period", "DATE", "1988-Q3"), ("the 1988 period", "DATE", "1988")]:
        assert expected in found


def test_a_year_ago_outside_a_report_is_a_year():
    assert ("a year ago", "DATE", "2016") in values("The talks began a year ago.")


@pytest.mark.parametrize("text, expected", [
    ("He will travel with his current wife.", ("current", "DATE", "PRESENT_REF")),
    ("at the then current market price", ("then current", "DATE", "PAST_REF")),
])
def test_current_as_a_time_word(text, expected):
    assert expected in values(text)


@pytest.mark.parametrize("text", ["a current account deficit", "The current is strong.", "current affairs"])
def test_current_that_is_not_a_time(text):
    assert values(text) == []


def test_the_latest_period_without_a_named_quarter_is_the_last_completed_one():
    assert ("the latest period", "DATE", "1989-Q3") in values("Profit fell in the latest period.", date(1989, 11, 2))


def test_no_rule_fails_on_ordinary_news(caplog):
    """A rule that raises is skipped silently in use; on ordinary prose none may raise."""
    text = ("On Friday, Sept. 22, 2017, the ministry said that in the third quarter of 1989 and the summer, "
            "a year ago, the 1988 quarter, the year-earlier period, two days later, last week, at 8:30 a.m. "
            "Tuesday, every Monday, the 1990s, fiscal 1998, mid-2012, this spring, the past five months, "
            "from Monday to Wednesday, between 2009 and 2010, Christmas, the then current price, recently.")
    with caplog.at_level("DEBUG", logger="timeline_app.core.temporal.tagger"):
        assert len(tag(text, REF)) > 20
    assert not [r for r in caplog.records if "failed" in r.getMessage()]


def test_a_year_before_a_singular_unit_is_not_a_count():
    found = values("Net fell from the 1988 quarter.", date(1989, 11, 2))
    assert found == [("the 1988 quarter", "DATE", "1988")]


@pytest.mark.parametrize("text, ref, expected", [
    ("By mid afternoon, Serb sources said.", date(1998, 3, 6), ("mid afternoon", "TIME", "1998-03-06TAF")),
    ("In London at mid-afternoon yesterday, shares fell.", date(1989, 11, 2),
     ("mid-afternoon yesterday", "TIME", "1989-11-01TAF")),
    ("On May 3 the ship sailed at 4 in the morning.", REF, ("4 in the morning", "TIME", "2017-05-03T04:00")),
    ("a court hearing the week of March 6", date(2000, 2, 24), ("the week of March 6", "DATE", "2000-W10")),
    ("their third day-long meeting", REF, ("day-long", "DURATION", "P1D")),
    ("a yearlong inquiry", REF, ("yearlong", "DURATION", "P1Y")),
    ("the decades-long battle", REF, ("decades-long", "DURATION", "PXDE")),
    ("a two-day-long meeting", REF, ("two-day-long", "DURATION", "P2D")),
])
def test_parts_of_days_weeks_of_days_and_long_things(text, ref, expected):
    assert expected in values(text, ref)


def test_years_of_an_era():
    found = values("In 44 BC Caesar died; in AD 1066 and in 1066 AD England fell. It ran an ad 5 times.")
    assert found == [("44 BC", "DATE", "BC0044"), ("AD 1066", "DATE", "1066"), ("1066 AD", "DATE", "1066")]


HISTORY = ("The war began on 1 September 1939. In the spring of 1940 the army overran Denmark. "
           "On 22 June 1941 the invasion began. On 7 December 1941 Pearl Harbor was attacked. In 1943 the tide "
           "turned. That summer, the Allies landed in Sicily. The following year, on June 6, they landed in "
           "France. In 1945 the war ended; in 1946 and 1947 and 1948 and 1949 the trials went on.")


def test_a_history_moves_on_with_the_following_year_and_that_summer():
    found = values(HISTORY, date(2010, 5, 1))
    assert ("That summer", "DATE", "1943-SU") in found
    assert ("June 6", "DATE", "1944-06-06") in found


def test_years_before_1500_count_in_a_history_only():
    history = "The war began in 1337, when Edward claimed the throne. " + " ".join(
        f"In {y} the king fought." for y in range(1340, 1460, 10))
    assert ("1337", "DATE", "1337") in values(history, date(2010, 5, 1))
    assert values("In 1300 houses the lights went out.", date(2010, 5, 1)) == []


@pytest.mark.parametrize("text, ref, expected", [
    ("January nineteen ninety-seven. Atlanta again.", date(1998, 2, 27),
     ("January nineteen ninety-seven", "DATE", "1997-01")),
    ("in the winter of nineteen ninety-four", date(1998, 2, 27),
     ("the winter of nineteen ninety-four", "DATE", "1994-WI")),
    ("this coming Sunday, March eighth", date(1998, 3, 5), ("this coming Sunday, March eighth", "DATE", "1998-03-08")),
    ("this past Monday", date(1998, 3, 5), ("this past Monday", "DATE", "1998-03-02")),
    ("on March the twenty-third, 1998", date(1998, 3, 5), ("March the twenty-third, 1998", "DATE", "1998-03-23")),
])
def test_dates_read_out_in_words(text, ref, expected):
    assert expected in values(text, ref)


def test_recent_years_is_the_past_and_recent_weeks_a_length():
    assert ("recent years", "DATE", "PAST_REF") in values("Crime has fallen in recent years.")
    assert ("recent weeks", "DURATION", "PXW") in values("Prices rose in recent weeks.")


@pytest.mark.parametrize("text, expected", [
    ("on 2017/09/26", ("2017/09/26", "DATE", "2017-09-26")),
    ("on 26-Sep-2017", ("26-Sep-2017", "DATE", "2017-09-26")),
    ("The vote is at 10:30.", ("10:30", "TIME", "2017-09-26T10:30")),
    ("at 10.30 pm", ("10.30 pm", "TIME", "2017-09-26T22:30")),
    ("results for FY2018", ("FY2018", "DATE", "2018")),
    ("FY18 results", ("FY18", "DATE", "2018")),
    ("They attacked at dawn.", ("dawn", "TIME", "2017-09-26TMO")),
    ("On May 3 they met. On the 5th they left.", ("the 5th", "DATE", "2017-05-05")),
    ("He will decide later in the week.", ("later in the week", "DATE", "2017-W39")),
])
def test_more_ways_of_writing_times(text, expected):
    assert expected in values(text)


@pytest.mark.parametrize("text", ["version 1.2.3", "the 25th anniversary", "on the 25th floor", "a 3:2 win"])
def test_numbers_that_look_like_those_times(text):
    assert values(text) == []


def test_a_weekday_in_a_history_follows_the_day_it_last_named():
    text = HISTORY.replace("On 22 June 1941 the invasion began.",
                           "On 22 June 1941 the invasion began. On Wednesday the army reached Minsk.")
    assert ("Wednesday", "DATE", "1941-06-25") in values(text, date(2010, 5, 1))


def test_a_day_after_a_season_in_a_history_stays_in_that_season():
    text = HISTORY + " In the autumn of 1944 the plan failed. The next morning, they crossed the Rhine."
    assert ("The next morning", "DATE", "1944-FA") in values(text, date(2010, 5, 1))


def test_an_uncounted_offset_is_a_stretch_beside_its_anchor():
    found = {t.text: t for t in tag("On May 3 the army crossed. A few days later it fell. Hours later, a blast.", REF)}
    few = found["A few days later"]
    assert (few.value, few.earliest, few.latest) == ("FUTURE_REF", date(2017, 5, 4), date(2017, 5, 10))
    assert (found["Hours later"].value, found["Hours later"].anchor) == ("2017-05-03", "previous")
    (years,) = tag("Years ago, he lived there.", REF)
    assert (years.value, years.earliest, years.latest) == ("PAST_REF", date(2010, 1, 1), date(2016, 12, 31))


def test_a_clock_time_with_a_full_date():
    assert values("Updated 3:45 p.m. ET Sept. 26, 2016.") == [
        ("3:45 p.m. ET Sept. 26, 2016", "TIME", "2016-09-26T15:45")]


def test_a_day_with_its_year_named_relatively():
    assert values("on September 8 last year", date(1997, 4, 15)) == [
        ("September 8 last year", "DATE", "1996-09-08")]


@pytest.mark.parametrize("text, expected", [
    ("In its May economic outlook, the OECD said", [("May", "DATE", "2017-05")]),
    ("Theresa May said", []),
    ("She may go.", []),
])
def test_may_dates_a_noun_after_a_determiner(text, expected):
    assert values(text) == expected


def test_the_first_months_of_a_named_year():
    found = {t.text: t for t in tag("Sales rose in the first ten months of 2005.", date(2006, 11, 22))}
    months = found["the first ten months"]
    assert (months.value, months.earliest, months.latest) == ("P10M", date(2005, 1, 1), date(2005, 10, 31))
    assert found["2005"].value == "2005"


@pytest.mark.parametrize("text, expected", [
    ("for 2,000 years", ("2,000 years", "DURATION", "P2000Y")),
    ("for more than two thousand years", ("more than two thousand years", "DURATION", "P2000Y")),
    ("for a thousand years", ("a thousand years", "DURATION", "P1000Y")),
    ("a minute and a half", ("a minute and a half", "DURATION", "PT1M30S")),
    ("two and a half years", ("two and a half years", "DURATION", "P2Y6M")),
    ("for a year and a half", ("a year and a half", "DURATION", "P1Y6M")),
    ("one and a half hours", ("one and a half hours", "DURATION", "PT1H30M")),
])
def test_large_and_fractional_amounts(text, expected):
    assert values(text) == [expected]


@pytest.mark.parametrize("text", ['Baker said on ABC\'s "This Week" that', "the film High Noon", "high noon comes"])
def test_titles_and_idioms_that_are_not_times(text):
    assert values(text) == []


def test_the_day_before_a_gerund_and_the_world_of_tomorrow():
    assert values("in Nairobi later in the day before returning home") == []
    assert values("the people of tomorrow") == [("tomorrow", "DATE", "FUTURE_REF")]


def test_holidays_near_ahead_and_things_named_after_them():
    assert values("Churches are guarded over Christmas.", date(2005, 12, 13)) == [("Christmas", "DATE", "2005-12-25")]
    assert values("Exports of Christmas trees rose.", date(2005, 12, 13)) == []


def test_a_number_spelled_out_with_digits_in_brackets():
    assert values("Within thirty (30) days the parties shall meet.") == [("thirty (30) days", "DURATION", "P30D")]


def test_a_clock_time_on_a_weekday_with_its_date():
    assert values("It will host a call at 5:00 p.m. ET on Thursday, March 4.", date(2021, 3, 3)) == [
        ("5:00 p.m. ET on Thursday, March 4", "TIME", "2021-03-04T17:00")]


def test_the_first_week_of_a_month_is_the_first_that_starts_in_it():
    (week,) = tag("The vote is in the first week of October.", REF)
    assert (week.text, week.value, week.earliest, week.latest) == (
        "the first week of October", "2017-W40", date(2017, 10, 2), date(2017, 10, 8))


@pytest.mark.parametrize("text, expected", [
    ("In March 2010 they met. Two days later they left.", ("Two days later", "DATE", "2010-03")),
    ("In the winter of 2010 they met. Two days later they left.", ("Two days later", "DATE", "2010-WI")),
    ("In March 2010 they met. A month later they left.", ("A month later", "DATE", "2010-04")),
])
def test_days_counted_from_a_coarser_period_stay_as_coarse(text, expected):
    assert expected in values(text)


def test_tag_survives_a_count_of_days_from_a_season():
    assert isinstance(tag("until winter 26-Sep-2017 days later", date(418, 8, 3)), list)


_TIME_WORDS = ("the a on in by until until 5th March May Monday Friday's FY2018 FY18 BC AD B.C. 44 1066 1347 "
               "2017/09/26 26-Sep-2017 10:30 pm a.m. at dawn years days later ago hours and a half thousand (30) "
               "week weekend of first last quarter half period latest 1988 year-earlier nineteen ninety-seven "
               "winter summer this coming past next previous following that same day morning Christmas noon "
               "current then early late mid , . ; - ( ) 0 99999999").split()


@settings(max_examples=300, deadline=None)
@given(st.lists(st.sampled_from(_TIME_WORDS), max_size=40),
       st.dates(min_value=date(1, 1, 1), max_value=date(9999, 12, 31)))
def test_time_words_in_any_order_never_raise(words, ref):
    """Random text rarely reaches the rules' corners; time words shuffled together reach more of them."""
    assert isinstance(tag(" ".join(words), ref), list)


@pytest.mark.parametrize("text, expected", [
    ("Maybank led the fall in banking stocks.", []),
    ("Prices are expected to fall.", []),
    ("the spring in his step", []),
    ("Talks resume after the fall.", [("the fall", "DATE", "2017-FA")]),
])
def test_fall_and_spring_as_seasons_only_where_a_time_belongs(text, expected):
    assert values(text) == expected


def test_a_day_told_in_the_past_is_not_months_ahead():
    assert ("May 3", "DATE", "1998-05-03") in values("They met on May 3 in Paris.", date(1999, 2, 6))
    assert ("Nov. 16", "DATE", "1989-11-16") in values("The offer was extended to Nov. 16.", date(1989, 10, 30))


def test_a_clock_time_on_a_date_that_does_not_exist_is_dropped():
    assert values("They met at 9 a.m. Feb. 30.", date(2017, 3, 1)) == []
