"""Sealed records: personal values of a case encrypted at rest (issue 27).

The room for everything between the files and the typed records that is about
sealing: the value format (:mod:`.sealing`), keys and identities
(:mod:`.keys`), the keyring outside the records' Git history
(:mod:`.keyring`), the repository's public side (:mod:`.repo`), opening right
after load (:mod:`.unseal`, called by ``dataset.py`` only), and the tools that
rewrite files (:mod:`.seal_files`, :mod:`.encrypt`, :mod:`.withdraw`).
Nothing above ``dataset.py`` ever sees a ciphertext.
"""
