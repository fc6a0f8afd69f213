"""coffeechat: informational interviews from first name to lasting relationship."""
