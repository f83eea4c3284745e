"""Lanes for speakers, relative clauses, passives, sources and descriptions, on invented sentences."""

from __future__ import annotations

import re
from datetime import date

from timeline_app.core import actors
from timeline_app.core.events import build_events
from timeline_app.core.model import Document, Timex


def _events(text: str, *phrases: str):
    times = sorted((Timex(m.start(), m.end(), p, "DATE", "2012-03-12", date(2012, 3, 12), date(2012, 3, 12))
                    for p in phrases for m in re.finditer(re.escape(p), text)), key=lambda t: t.start)
    doc = Document("d", "d.txt", "d", text, date(2012, 3, 14), "user")
    return [e for e in build_events(doc, times, actors.find_mentions(text)) if not e.implied_time]


def _lanes(text: str, *phrases: str) -> dict[str, str]:
    """The lane of the event each phrase (a day in March 2012) makes."""
    return {e.time.text: e.lane for e in _events(text, *phrases)}


def test_a_relative_clause_is_about_the_name_right_before_it() -> None:
    text = ("President Anna Kowalska and former president Jan Nowak attended a service for Piotr Zielinski, "
            "who died at 90 last week, in Warsaw.")
    assert _lanes(text, "last week") == {"last week": "Piotr Zielinski"}


def test_a_speaker_after_the_speech_verb_speaks() -> None:
    text = '"Things are fine," said on Tuesday Mike Cox, a spokesman for the Texas Rangers.'
    assert _lanes(text, "Tuesday") == {"Tuesday": "Mike Cox"}
    text = "Prices must fall, said an expert with the World Health Organization here on Friday."
    assert _lanes(text, "Friday") == {"Friday": "World Health Organization"}


def test_reported_content_without_an_actor_takes_the_speaker_after_the_verb() -> None:
    assert _lanes("Prices must fall on Friday, said Anna Kowalska.", "Friday") == {"Friday": "Anna Kowalska"}


def test_an_organisation_known_by_one_word_or_an_acronym_is_found_without_a_cue() -> None:
    text = ("ZBX sought approval last week. The CEO said GDP grew. SkyJet announced in May that it lost money. "
            "Later Malvora said it had lost money and Malvora closed a plant. He flew to Brindle.")
    found = actors.actors_for(text)
    assert {"ZBX", "SkyJet", "Malvora"} <= set(found)
    assert {"CEO", "GDP", "Brindle"}.isdisjoint(found)
    assert found["SkyJet"].kind == "organization"
    assert _lanes(text, "last week", "May") == {"last week": "ZBX", "May": "SkyJet"}


def test_its_at_the_head_of_a_clause_points_back_like_it() -> None:
    text = "Malvora Holdings said it lost money. Its sales in 2004 were 400 million dollars."
    assert _lanes(text, "2004") == {"2004": "Malvora Holdings"}


def test_a_passive_takes_its_by_agent() -> None:
    assert _lanes("The body was found by Lyon Police on Friday.", "Friday") == {"Friday": "Lyon Police"}
    text = "Dr. Ivan Petrov was suspended by the Lyon Medical Board on Monday."
    assert _lanes(text, "Monday") == {"Monday": "Lyon Medical Board"}
    text = "Rates doubled from 1993 to 2004, a study by the Nordic Health Institute found."
    assert _lanes(text, "1993") == {"1993": "Nordic Health Institute"}


def test_the_day_of_a_dated_dateline_is_the_agency_s_dispatch() -> None:
    text = "Talks end\n\nKAMPALA, August 7 (Xinhua) -- Officials said the talks went well."
    events = _events(text, "August 7")
    assert [(e.time.text, e.lane) for e in events] == [("August 7", "Xinhua")]
    assert "Xinhua" in actors.actors_for(text)


def test_an_agency_in_an_undated_dateline_is_no_actor() -> None:
    assert "AP" not in actors.actors_for("KAMPALA, Uganda (AP) _ Officials said the talks went well.")


def test_what_a_statement_reports_belongs_to_whoever_issued_it() -> None:
    text = ("Trade envoy Anna Kowalska announced the deal on Monday. Trade rose in 2005, according to the "
            "statement. The statement said that tariffs end in 2007.")
    events = {e.time.text: e for e in _events(text, "Monday", "2005", "2007")}
    assert {t: e.lane for t, e in events.items()} == {"Monday": "Anna Kowalska", "2005": "Anna Kowalska",
                                                      "2007": "Anna Kowalska"}
    # the label attributes the report to its source; it never makes her the one who rose
    assert events["2005"].label.startswith("Kowalska: Trade rose")


def test_a_report_with_no_source_named_before_stays_unattributed() -> None:
    assert _lanes("Prices rose in 2005, according to official statistics.", "2005") == {"2005": "Unattributed"}


def test_a_quoted_sentence_takes_the_speaker_of_its_quotation_before_or_after_it() -> None:
    text = ('Coach Rick Carlisle spoke on Monday. "As of right now, this is a one-game situation. '
            'We will see on Friday," Carlisle said.')
    assert _lanes(text, "right now", "Friday") == {"right now": "Rick Carlisle", "Friday": "Rick Carlisle"}
    text = '"We found remains now," spokesman Jim Brown said. "We are still looking for more tomorrow."'
    assert _lanes(text, "now", "tomorrow") == {"now": "Jim Brown", "tomorrow": "Jim Brown"}


def test_a_quoted_sentence_with_no_speaker_anywhere_stays_unattributed() -> None:
    assert _lanes('"We will see on Friday."', "Friday") == {"Friday": "Unattributed"}


def test_a_description_points_back_to_the_organisation_named_before() -> None:
    text = "Brandt Motors Corp. bid for Jaguar. This week, the company paid for ten members to fly to Detroit."
    assert _lanes(text, "This week") == {"This week": "Brandt Motors Corp."}


def test_a_title_with_the_points_back_to_the_person_named_with_it() -> None:
    text = ("President Anna Kowalska met Jan Nowak. One view presented itself to the president as she arrived in "
            "Lyon later in the day.")
    assert _lanes(text, "the day") == {"the day": "Anna Kowalska"}
    assert [m.actor for m in actors.find_mentions(text) if text[m.start:m.end] == "the president"] == [
        "Anna Kowalska"]


def test_a_pronoun_after_because_points_first_to_the_subject_of_its_own_sentence() -> None:
    text = ("Dr. Kira Holt met Dr. Lena Voss on Monday. Voss left. Holt had been working for the agency "
            "when she was abducted in March 1996.")
    assert _lanes(text, "March 1996") == {"March 1996": "Kira Holt"}


def test_an_acronym_of_a_company_named_in_full_is_that_company() -> None:
    text = "General Motors Corp. bid for Jaguar PLC. GM sought clearance last week."
    assert [m.actor for m in actors.find_mentions(text)] == ["General Motors Corp.", "Jaguar PLC",
                                                              "General Motors Corp."]
    assert _lanes(text, "last week") == {"last week": "General Motors Corp."}


def test_an_organisation_s_name_runs_across_and() -> None:
    text = ("A study by the Health and Safety Research Centre found it. Talks between Peru and Chile Bank went on.")
    names = [m.actor for m in actors.find_mentions(text)]
    assert names == ["Health and Safety Research Centre", "Peru", "Chile Bank"]


def test_a_pronoun_right_after_a_speech_verb_is_the_speaker() -> None:
    text = ("Prime Minister Olga Berg met Dr. Ivan Petrov. Later Dr. Petrov left. Foreign Minister Jan Kavan said he "
            "was in Kansas City in 1968.")
    assert _lanes(text, "1968") == {"1968": "Jan Kavan"}


def test_a_dated_event_noun_belongs_to_its_owner_or_its_agent() -> None:
    text = "The Brandt move follows Tuesday's declaration by Ford Motor Co. that it will bid."
    assert _lanes(text, "Tuesday") == {"Tuesday": "Ford Motor Co."}
    text = "Analysts doubted Brandt Motors Corp.'s purchase last week."
    assert _lanes(text, "last week") == {"last week": "Brandt Motors Corp."}
    # people owned are no event noun: "He fell out with Peru's administrators early in 2003"
    text = "Dr. Ivan Petrov spoke. He fell out with Peru's administrators early in 2003."
    assert _lanes(text, "2003") == {"2003": "Ivan Petrov"}


def test_a_title_inside_a_run_of_names_introduces_a_person() -> None:
    text = "While the visit was unrelated, Zorbex Chairman Roger Smith answered questions over lunch Tuesday."
    assert actors.actors_for(text)["Roger Smith"].kind == "person"
    assert _lanes(text, "Tuesday") == {"Tuesday": "Roger Smith"}


def test_names_listed_next_to_a_person_are_persons() -> None:
    text = "The squad: Dr. Ivan Petrov, Wasim Jaffer, Gautam Gambhir and Anil Kumble. Talks between Peru and Chile."
    found = actors.actors_for(text)
    assert all(found[n].kind == "person" for n in ("Wasim Jaffer", "Gautam Gambhir", "Anil Kumble"))
    assert found["Chile"].kind == "country"


def test_a_byline_names_a_person_and_modifiers_are_no_part_of_a_name() -> None:
    text = ("Flu talk\n\nby Li Xing\n\nBEIJING, Nov. 25 (Xinhua) -- The Britain-based Mines Advisory Group said it. "
            "Fernandes told Friday's Morning Herald.")
    found = actors.actors_for(text)
    assert found["Li Xing"].kind == "person"
    assert "Mines Advisory Group" in found
    assert not any(name.startswith(("Britain-", "Friday")) for name in found)


def test_a_person_s_side_comes_from_the_role_that_heads_the_appositive() -> None:
    text = "Gen. Ivo Dran, a loyalist of ousted Peruvian Prime Minister Ana Ruiz, said on Monday he would fight."
    assert actors.actors_for(text)["Ivo Dran"].affiliation is None
    assert _lanes(text, "Monday") == {"Monday": "Ivo Dran"}


def test_a_time_inside_a_quotation_dates_what_the_quotation_says() -> None:
    text = '"Dr. Elian Gonzalez today is the symbol of our unity," Fidel Castro said to cheers.'
    assert _lanes(text, "today") == {"today": "Elian Gonzalez"}
    # a name the quotation mentions only as an object leaves the speaker
    text = '"We will talk to the Zorbex Corp. tomorrow," Fidel Castro said to cheers.'
    assert _lanes(text, "tomorrow") == {"tomorrow": "Fidel Castro"}


def test_a_verb_and_its_object_between_two_names_are_no_title() -> None:
    text = ("Police named Tariq Ahmed Dar, 30, as the planner. Dar reportedly joined the Hizbul Mujahideen, the most "
            "powerful Kashmiri guerrilla group, in 2003 but later teamed up with the Lashker.")
    assert actors.actors_for(text)["Hizbul Mujahideen"].kind == "organization"
    assert _lanes(text, "2003") == {"2003": "Tariq Ahmed Dar"}
