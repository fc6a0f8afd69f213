"""The student's own mailbox: connecting (imap), reading it (sync), recording what it says
(records). Read-only towards the server: EXAMINE and BODY.PEEK only."""
