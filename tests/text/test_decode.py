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
