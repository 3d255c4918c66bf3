"""The collector pause: restores the previous state, including when the block fails or blocks nest."""

import gc

import pytest

from pipeline.memory import bulk_objects


def test_the_collector_is_paused_inside_and_restored_after():
    assert gc.isenabled()
    with bulk_objects():
        assert not gc.isenabled()
        with bulk_objects():
            assert not gc.isenabled()
        assert not gc.isenabled()  # the inner block does not switch it back on early
    assert gc.isenabled()


def test_a_failing_block_still_restores_the_collector():
    with pytest.raises(ZeroDivisionError):
        with bulk_objects():
            1 / 0
    assert gc.isenabled()


def test_a_collector_switched_off_by_the_caller_stays_off():
    gc.disable()
    try:
        with bulk_objects():
            pass
        assert not gc.isenabled()
    finally:
        gc.enable()


def test_as_a_decorator_each_call_pauses_the_collector():
    @bulk_objects()
    def collector_state():
        return gc.isenabled()

    assert collector_state() is False and collector_state() is False
    assert gc.isenabled()
