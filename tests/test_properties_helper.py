"""``properties.property_test``: hypothesis drawn at run time, fixtures kept, failures found."""

from __future__ import annotations

import inspect

import pytest

from properties import property_test


@property_test(n=lambda st: st.integers(0, 9), max_examples=20)
def test_drawn_values_and_fixtures_together(tmp_path, n):
    assert tmp_path.is_dir() and 0 <= n <= 9


def test_only_fixture_parameters_are_left_for_pytest():
    @property_test(n=lambda st: st.integers())
    def check(tmp_path, n):
        pass

    assert list(inspect.signature(check).parameters) == ["tmp_path"]


def test_a_false_property_fails_with_its_example():
    @property_test(n=lambda st: st.integers(), max_examples=50, deadline=None)
    def check(n):
        assert n < 10

    with pytest.raises(AssertionError):
        check()


def test_a_strategy_for_no_parameter_is_refused():
    with pytest.raises(TypeError, match="no parameter"):
        property_test(m=lambda st: st.integers())(lambda n: None)
