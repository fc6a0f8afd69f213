from datetime import date

from coffeechat.domain.importers import ContactRow, read_contacts


def by_line(rows: tuple[ContactRow, ...]) -> dict[int, ContactRow]:
    return {row.line: row for row in rows}


def test_linkedin_export_is_detected_below_its_notes(sample):
    result = sample("linkedin_connections.csv")
    assert result.format == "linkedin"
    assert result.encoding == "utf-8"
    assert result.columns == {
        "First Name": "first_name",
        "Last Name": "last_name",
        "URL": "linkedin_url",
        "Email Address": "emails",
        "Company": "organization",
        "Position": "title",
        "Connected On": "connected_on",
    }


def test_linkedin_fields_are_mapped_and_cleaned(sample):
    rows = by_line(sample("linkedin_connections.csv").rows)
    zoe = rows[5]
    assert (zoe.first_name, zoe.last_name) == ("Zoë", "Ñúñez")
    assert zoe.linkedin_url == "https://www.linkedin.com/in/zoe-nunez-4821"
    assert zoe.organization == "Blue Heron Analytics, Inc."
    assert zoe.title == "Data Analyst"
    assert zoe.connected_on == date(2026, 11, 21)
    assert zoe.how_found == "linkedin"
    assert zoe.emails == ()
    lukasz = rows[6]
    assert lukasz.emails == ("lukasz.w@example.pl",)
    assert lukasz.linkedin_url == "https://www.linkedin.com/in/lukasz-w"
    assert lukasz.connected_on == date(2025, 2, 3)


def test_linkedin_older_numeric_dates(sample):
    rows = by_line(sample("linkedin_connections.csv").rows)
    assert rows[7].connected_on == date(2026, 11, 21)  # 11/21/26
    assert rows[8].connected_on == date(2024, 6, 30)  # 2024-06-30


def test_name_with_a_line_break_becomes_one_line(sample):
    rows = by_line(sample("linkedin_connections.csv").rows)
    assert rows[13].first_name == "Ana María"


def test_rejects_and_warnings_carry_line_numbers(sample):
    result = sample("linkedin_connections.csv")
    rejects = {reject.line: reject.reason for reject in result.rejects}
    assert set(rejects) == {10, 12}
    assert "no name, email address or LinkedIn profile" in rejects[10]
    assert "Same details as line 5" in rejects[12]
    warnings = {warning.line: warning.reason for warning in result.warnings}
    assert "priya(at)example.com" in warnings[8]
    assert "31 Feb 2025" in warnings[11]
    assert by_line(result.rows)[11].connected_on is None


def test_blank_rows_are_skipped_silently(sample):
    result = sample("linkedin_connections.csv")
    assert 9 not in {reject.line for reject in result.rejects}
    assert 9 not in {row.line for row in result.rows}


def test_linkedin_is_detected_from_content_whatever_the_file_name():
    data = (
        b"First Name,Last Name,URL,Email Address,Company,Position,Connected On\n"
        b"Kwame,Mensah,https://www.linkedin.com/in/kwame,,Adinkra,Founder,02 Jan 2026\n"
    )
    result = read_contacts(data, filename="export (3).txt")
    assert result.format == "linkedin"
    assert result.rows[0].how_found == "linkedin"


def test_thirty_thousand_rows_parse():
    header = "First Name,Last Name,URL,Email Address,Company,Position,Connected On"
    lines = [header] + [
        f'Ana,Ruiz,https://www.linkedin.com/in/ana-{n},,"Firm {n}, Inc.",Analyst,03 Feb 2025'
        for n in range(30_000)
    ]
    result = read_contacts("\r\n".join(lines).encode())
    assert len(result.rows) == 30_000
    assert result.rows[-1].line == 30_001
