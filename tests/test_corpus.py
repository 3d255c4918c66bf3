from pipeline.corpus import read_corpus


def test_an_oversized_file_is_rejected_with_its_size_without_being_read_whole(tmp_path):
    (tmp_path / "big.txt").write_bytes(b"a" * 150)
    (tmp_path / "ok.txt").write_text("Russia and Ukraine swapped 5 prisoners each.", encoding="utf-8")
    docs = {d.paths[0]: d for d in read_corpus(tmp_path, max_bytes=100)}
    assert docs["big.txt"].reject_reason == "too large: 150 bytes, over the limit of 100 (raise EXCHANGES_MAX_BYTES to accept it)"
    assert docs["ok.txt"].status == "ok"
