"""Any text a team writes for participants (letters, course material, booklets), read and checked
with the board's easy-language rules: ``site-gen leicht``."""
