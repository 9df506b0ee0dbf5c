"""One function per CLI command; each returns an exit code."""
