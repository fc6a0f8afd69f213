"""Reading a student's mailbox: parsed headers plus what we know (contacts, messages, earlier
findings) in, findings (a request sent, a reply received) out. No I/O and no Django here."""
