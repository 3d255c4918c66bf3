import codecs

from pipeline.text.decode import decode_document, html_to_text


def test_utf8_text_is_decoded_as_is():
    result = decode_document("Russia and Ukraine swapped prisoners — Türkiye mediated.".encode())
    assert result.reject_reason is None and result.encoding == "utf-8"
    assert result.text == "Russia and Ukraine swapped prisoners — Türkiye mediated."


def test_utf16_with_bom_and_without():
    text = "Ukraine and Russia exchanged 50 prisoners each on Friday."
    assert decode_document(text.encode("utf-16")).text == text
    assert decode_document(codecs.BOM_UTF8 + text.encode()).text == text
    no_bom = decode_document(text.encode("utf-16-le"))
    assert no_bom.text == text and no_bom.encoding == "utf-16-le"


def test_cp1251_is_detected():
    text = "Україна і Росія обміняли 84 полонених на 84. Обмін відбувся в суботу після довгих переговорів."
    result = decode_document(text.encode("cp1251"))
    assert result.reject_reason is None
    assert result.text == text


def test_rejections_say_why():
    assert decode_document(b"").reject_reason.startswith("empty")
    assert decode_document(b"   \n\t ").reject_reason.startswith("empty")
    assert decode_document(b"\x89PNG\r\n\x1a\n" + b"\x00" * 50).reject_reason.startswith("binary")
    assert decode_document(bytes(range(256)) * 4).reject_reason.startswith(("binary", "undecodable"))
    too_big = decode_document(b"a" * 101, max_bytes=100)
    assert too_big.reject_reason.startswith("too large") and "EXCHANGES_MAX_BYTES" in too_big.reject_reason


def test_html_is_reduced_to_article_text():
    html = "<html><head><script>var x = 1;</script></head><body><nav>Menu</nav><p>Russia and Ukraine swapped 95 prisoners each.</p><p>It was &quot;big&quot;.</p></body></html>"
    assert html_to_text(html) == 'Russia and Ukraine swapped 95 prisoners each.\nIt was "big".'
    result = decode_document(html.encode())
    assert result.encoding == "utf-8 (html)" and "Menu" not in result.text and "var x" not in result.text


def test_the_text_check_counts_controls_and_letters_as_a_pattern_over_every_character_would():
    import re

    from hypothesis import given
    from hypothesis import strategies as st

    from pipeline.text.decode import _looks_like_text

    controls, letters = re.compile("[\x00-\x08\x0b\x0e-\x1f\ufffd]"), re.compile(r"[^\W\d_]")

    def by_pattern(text):
        return bool(text) and len(controls.findall(text)) / len(text) < 0.01 and len(letters.findall(text)) / len(text) > 0.3

    @given(st.text(alphabet=st.sampled_from("ab Z9_\x01\x0b\x1f\t\n\ufffd—“éЖж中²"), max_size=60))
    def agrees(text):
        assert _looks_like_text(text) == by_pattern(text)

    agrees()
