"""Which of the variables the render asks about (`room`, `trim`) a template reads: a template
that reads one gets the extra fill or trimmed render, one that does not is rendered once."""

from __future__ import annotations

import jinja2

from crisiscomms.render import _loaded_names

ENV = jinja2.Environment()


def test_a_variable_read_in_a_condition_or_a_value_counts() -> None:
    assert _loaded_names(ENV, "{% if trim %}a{% endif %}") == {"trim"}
    assert _loaded_names(ENV, "{{ f.x[:room] }}") == {"room"}


def test_the_trim_filter_and_the_words_in_text_do_not() -> None:
    # `trim` is also a Jinja filter, and "room" an English word in the wording itself.
    assert _loaded_names(ENV, "{{ f.title|trim }} there is room for more") == frozenset()


def test_names_the_render_never_asks_about_are_left_out() -> None:
    assert _loaded_names(ENV, "{% if trim and other %}{{ room2 }}{% endif %}") == {"trim"}
