"""Unit tests of mapper.text.decode: report bytes to text, or one clear error naming the file."""
from __future__ import annotations

import pytest

from mapper.errors import MapperError, ReportError
from mapper.text import decode
from mapper.text.decode import decode_report, read_report

TEXT = "Des hommes armés ont attaqué Ségou ; la Côte d’Ivoire a fermé sa frontière.\n"


def test_utf8():
    assert decode_report(TEXT.encode("utf-8")) == TEXT


def test_utf8_with_bom_drops_the_bom():
    out = decode_report(b"\xef\xbb\xbf" + TEXT.encode("utf-8"))
    assert out == TEXT
    assert not out.startswith("\ufeff")


def test_cp1252_accents_and_curly_apostrophe():
    assert decode_report(TEXT.encode("cp1252")) == TEXT


def test_latin1():
    assert decode_report("Ségou, Niono et Macina".encode("latin-1")) == "Ségou, Niono et Macina"


@pytest.mark.parametrize("codec", ["utf-16", "utf-16-le", "utf-16-be"])
def test_utf16_with_bom(codec):
    bom = {"utf-16-le": b"\xff\xfe", "utf-16-be": b"\xfe\xff"}.get(codec, b"")
    assert decode_report(bom + TEXT.encode(codec)) == TEXT


def test_line_endings_are_normalised():
    assert decode_report(b"Gao.\r\nTonka.\rKidal.") == "Gao.\nTonka.\nKidal."


@pytest.mark.parametrize("data, words", [
    (b"", "empty"),
    (b"  \n\t\r\n ", "empty"),
    (b"Gunmen attacked\x00 Gao", "binary"),
    (b"\x89PNG\r\n\x1a\n\x00\x00\x00\rIHDR", "binary"),
    (bytes(range(1, 32)) * 4 + b"text", "binary"),
    (b"\x01\x02\x03\x04\x05\x06 a few words", "binary"),
    (b"12 345 -- 678", "no words"),
    (b"\xff\xfe\x00", "UTF-16"),
])
def test_bad_bytes_are_refused_naming_the_file(data, words):
    with pytest.raises(ReportError) as err:
        decode_report(data, "reports/bad.txt")
    msg = str(err.value)
    assert msg.startswith("reports/bad.txt: ")
    assert words in msg
    assert "\n" not in msg


def test_report_error_is_a_mapper_error_and_a_value_error():
    with pytest.raises(MapperError):
        decode_report(b"")
    with pytest.raises(ValueError):
        decode_report(b"")


def test_a_few_control_characters_are_tolerated():
    text = "Gao\x0c attacked. Tonka\x0b quiet."
    assert decode_report(text.encode()) == text


def test_read_report(tmp_path):
    path = tmp_path / "mali.txt"
    path.write_bytes(TEXT.encode("cp1252"))
    assert read_report(path) == TEXT
    assert read_report(str(path)) == TEXT


def _refused(path) -> str:
    with pytest.raises(ReportError) as err:
        read_report(path)
    msg = str(err.value)
    assert str(path) in msg
    assert "\n" not in msg
    return msg


def test_missing_file(tmp_path):
    assert "no such file" in _refused(tmp_path / "absent.txt")


def test_directory(tmp_path):
    assert "directory" in _refused(tmp_path)


def test_empty_file(tmp_path):
    path = tmp_path / "empty.txt"
    path.write_bytes(b"")
    assert "empty" in _refused(path)


def test_binary_file(tmp_path):
    path = tmp_path / "photo.txt"
    path.write_bytes(b"\x89PNG\r\n\x1a\n" + bytes(range(256)) * 8)
    assert "binary" in _refused(path)


def test_too_large(tmp_path, monkeypatch):
    path = tmp_path / "big.txt"
    path.write_bytes(TEXT.encode() * 40)
    monkeypatch.setattr(decode, "MAX_REPORT_BYTES", 1024)
    assert "too large" in _refused(path)
    monkeypatch.setattr(decode, "MAX_REPORT_BYTES", 1 << 20)
    assert read_report(path) == TEXT * 40
