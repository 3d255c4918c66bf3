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
