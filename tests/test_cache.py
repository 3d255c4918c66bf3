"""The per-document cache: one journal per stage, damaged frames recomputed, nothing computed twice."""

from pipeline.cache import JOURNAL, DocumentCache, frame, read_frames


def squares(keys, calls):
    def compute(todo):
        calls.extend(keys[i] for i in todo)
        return [int(keys[i]) ** 2 for i in todo]
    return compute


def test_a_second_run_reads_every_value_from_the_journal(tmp_path):
    keys, calls = ["3", "4", "5"], []
    assert DocumentCache(tmp_path, "stage").map(keys, squares(keys, calls)) == [9, 16, 25]
    again = DocumentCache(tmp_path, "stage")
    assert again.map(keys + ["6"], squares(keys + ["6"], calls)) == [9, 16, 25, 36]
    assert calls == ["3", "4", "5", "6"] and (again.hits, again.misses) == (3, 1)


def test_a_torn_frame_is_skipped_and_the_frames_after_it_still_read(tmp_path):
    torn = frame("b", [2])[:-3]
    data = frame("a", [1]) + torn + frame("c", [3])
    assert sorted(read_frames(data)) == ["a", "c"]


def test_a_damaged_journal_recomputes_only_what_it_lost(tmp_path):
    keys, calls = ["7", "8"], []
    cache = DocumentCache(tmp_path, "stage")
    cache.map(keys, squares(keys, calls))
    journal = cache.folder / JOURNAL
    data = bytearray(journal.read_bytes())
    data[-1] ^= 0xFF  # the last frame's value no longer matches its checksum
    journal.write_bytes(bytes(data))
    again = DocumentCache(tmp_path, "stage")
    assert again.map(keys, squares(keys, calls)) == [49, 64]
    assert calls == ["7", "8", "8"]


def test_no_folder_means_no_cache(tmp_path):
    keys, calls = ["2"], []
    DocumentCache(None, "stage").map(keys, squares(keys, calls))
    DocumentCache(None, "stage").map(keys, squares(keys, calls))
    assert calls == ["2", "2"]


def test_mentions_read_back_from_the_cache_equal_the_ones_computed(tmp_path):
    """The cache stores figures and exchanges as plain tuples; a warm run must rebuild exactly what a cold run extracted."""
    import datetime as dt
    from dataclasses import fields

    from pipeline.documents import mentions_of_documents
    from pipeline.extract.exchanges import Claim, ExchangeMention

    documents = [{"source_id": "a1", "published_date": dt.date(2031, 3, 4),
                  "text": "On Monday Russia and Ukraine swapped 41 soldiers each in an exchange mediated by Turkey."},
                 {"source_id": "b2", "published_date": None, "text": "Nothing was counted here."}]
    cold = mentions_of_documents(tmp_path, documents)
    warm = mentions_of_documents(tmp_path, documents)
    assert cold[2].misses == 2 and warm[2].hits == 2
    assert cold[0] == warm[0] and cold[1] == warm[1]
    assert any(f["value"] == 41 and f["source_id"] == "a1" for f in warm[0]) and warm[1]
    every_field_set = ExchangeMention("k", "completed", "UA", "RU", 7, dt.date(2031, 3, 3), "day", True, True,
                                      [Claim("returned_to_a", "41", 1, 3, True)], ["TR"], "parent", [12])
    assert len(every_field_set.packed()) == len(fields(ExchangeMention))  # a new field must be packed too
    assert ExchangeMention.unpacked(every_field_set.packed()) == every_field_set


def test_exchange_mentions_survive_pickling_as_step_outputs():
    """Step outputs are pickled in their packed form; what comes back must equal what went in, nested inside a SourcedMention."""
    import datetime as dt
    import pickle

    from pipeline.curate.reconcile import SourcedMention
    from pipeline.extract.exchanges import Claim, ExchangeMention

    mention = ExchangeMention("deal@3", "agreed", "AM", "AZ", 3, dt.date(2029, 12, 7), "day", False, True,
                              [Claim("returned_to_b", "32", 10, 12), Claim("mediators", "US", 40, 53, True)], ["IR"], None, [10])
    back = pickle.loads(pickle.dumps([SourcedMention("c3", mention)], protocol=pickle.HIGHEST_PROTOCOL))
    assert back == [SourcedMention("c3", mention)]
    assert back[0].mention.claims[1].inferred is True and back[0].mention.date_contradicted is True
