import pytest

from coffeechat.domain.importers import UnreadableFileError, read_contacts


@pytest.mark.parametrize("data", [b"", b"   \r\n\n", "\ufeff".encode()])
def test_empty_files(data):
    with pytest.raises(UnreadableFileError, match="empty"):
        read_contacts(data)


def test_binary_garbage():
    data = bytes(range(256)) * 20
    with pytest.raises(UnreadableFileError, match="binary file"):
        read_contacts(data)


def test_text_without_a_header():
    with pytest.raises(UnreadableFileError, match="First Name, Last Name, Email") as caught:
        read_contacts(b"hello there\nthis is a shopping list\nmilk,eggs\n")
    assert caught.value.reason == str(caught.value)


def test_old_excel_files_get_a_way_forward():
    with pytest.raises(UnreadableFileError, match=r"Save As"):
        read_contacts(b"\xd0\xcf\x11\xe0\xa1\xb1\x1a\xe1" + b"\0" * 600)


def test_vcf_name_without_cards():
    with pytest.raises(UnreadableFileError, match="BEGIN:VCARD"):
        read_contacts(b"Name,Email\nAna,ana@x.example\n", filename="contacts.vcf")


def test_forced_vcard_on_csv():
    with pytest.raises(UnreadableFileError, match="BEGIN:VCARD"):
        read_contacts(b"Name,Email\nAna,ana@x.example\n", fmt="vcard")


def test_forced_linkedin_on_another_csv():
    with pytest.raises(UnreadableFileError, match=r"Connections\.csv"):
        read_contacts(b"Name,Email\nAna,ana@x.example\n", fmt="linkedin")


def test_utf16_bom_with_broken_text():
    with pytest.raises(UnreadableFileError, match="UTF-16"):
        read_contacts(b"\xff\xfeN\x00a\x00\x00\xd8")


def test_unknown_format_is_a_programming_error():
    with pytest.raises(ValueError, match="Unknown format"):
        read_contacts(b"Name\nAna\n", fmt="pdf")


def test_unreadable_is_not_the_builtin_import_error():
    assert not issubclass(UnreadableFileError, ImportError)
    assert issubclass(UnreadableFileError, ValueError)
