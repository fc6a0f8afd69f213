from datetime import date

from coffeechat.domain.insights import (
    AgendaNote,
    FollowUp,
    JournalEntry,
    ResourceNote,
    render_markdown,
)


def test_the_journal_renders_only_the_sections_that_were_filled():
    entry = JournalEntry(
        person="Priya Raman",
        day=date(2025, 3, 10),
        role="Data analyst",
        organization="Acme",
        how_found="Referral",
        referred_by="Ken Sato",
        mode="Video",
        minutes=20,
        agenda=(
            AgendaNote("Which skills matter?", "Skills", "SQL.\nThen Python.", True),
            AgendaNote("Typical week?", "A typical day", "", False),
        ),
        advice="Start small.",
        referrals=("Lena Vogel",),
        resources=(ResourceNote("DSA", "Professional organization", "https://e.org", "join"),),
        reflection=(("What did you learn?", "Plenty"), ("What next?", "  ")),
        follow_ups=(FollowUp(date(2025, 3, 11), "Thank-you", "Thanks"),),
    )
    text = render_markdown([entry], "Journal")
    assert text.startswith("# Journal\n\n## Priya Raman, 10 March 2025\n")
    assert "- **How you found them:** Referral (referred by Ken Sato)" in text
    assert "- **Conversation:** Video, 20 minutes" in text
    assert "**Which skills matter?**\n*Skills*\n\nSQL.\nThen Python.\n" in text
    assert "**Typical week?** (not asked)" in text
    assert "### Advice\n\nStart small." in text and "### Next step" not in text
    assert "- [DSA](https://e.org) (Professional organization): join" in text
    assert "**What did you learn?**\n\nPlenty" in text and "What next?" not in text
    assert "- 11 March 2025: Thank-you (Thanks)" in text
    assert text.endswith("\n") and not text.endswith("\n\n")


def test_an_empty_journal_says_so_kindly():
    assert "No conversations held yet" in render_markdown([], "Journal")
