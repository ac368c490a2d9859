"""Donor CSV files start with a UTF-8 byte-order mark so Excel reads accents right."""

from core.exports import Table, csv_text


def test_csv_starts_with_a_byte_order_mark_and_keeps_accents():
    table = Table(name="people", title="People", headers=["Name"], rows=[["Pierre Wahéo"]])
    encoded = csv_text(table).encode("utf-8")
    assert encoded.startswith(b"\xef\xbb\xbf")
    assert encoded.decode("utf-8-sig").splitlines() == ["Name", "Pierre Wahéo"]
