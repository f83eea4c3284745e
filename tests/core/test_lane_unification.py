"""One lane per actor across documents (core/lanes.py)."""

from timeline_app.core.lanes import lane_names
from timeline_app.core.model import Actor


def _actors(kind, *names):
    return {n: Actor(n, kind) for n in names}


def test_variants_of_one_persons_name_are_one_lane_under_the_fullest():
    names = ["James C. Kopp", "James Charles Kopp", "James Kopp", "Kopp"]
    assert lane_names(names, _actors("person", *names)) == {
        "James C. Kopp": "James Charles Kopp", "James Kopp": "James Charles Kopp", "Kopp": "James Charles Kopp"}


def test_hyphenated_given_names_and_surnames_alone():
    names = ["Laurent Kabila", "Laurent-Desire Kabila", "Kabila"]
    assert lane_names(names, _actors("person", *names)) == {
        "Laurent Kabila": "Laurent-Desire Kabila", "Kabila": "Laurent-Desire Kabila"}


def test_different_people_of_one_surname_stay_apart_and_keep_the_surname_alone():
    names = ["George Bush", "Laura Bush", "Bush"]
    assert lane_names(names, _actors("person", *names)) == {}


def test_organisations_differing_by_a_legal_suffix_are_one():
    names = ["Daewoo Motors", "Daewoo Motors Co.", "MIF Asia Ltd.", "MIF Asia", "Nippon Credit Bank Ltd",
             "Nippon Credit Bank Ltd.", "Daewoo Electronics"]
    assert lane_names(names, _actors("organisation", *names)) == {
        "Daewoo Motors": "Daewoo Motors Co.", "MIF Asia": "MIF Asia Ltd.",
        "Nippon Credit Bank Ltd": "Nippon Credit Bank Ltd."}


def test_countries_and_unknown_names_are_left_alone():
    actors = {**_actors("country", "Congo", "Democratic Republic of Congo")}
    assert lane_names(["Congo", "Democratic Republic of Congo", "Unattributed"], actors) == {}
