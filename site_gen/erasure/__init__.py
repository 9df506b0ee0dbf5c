"""Erasure (Art. 17 DSGVO) behind ``site-gen forget``: the file, references to it, and its Git history."""
