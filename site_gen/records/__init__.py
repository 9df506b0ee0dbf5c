"""Files → Dataset: everything between the YAML files and the typed records.

:mod:`.load` is the only YAML reader, :mod:`.layout` says where a record's files are, :mod:`.compose`
turns a record folder into one record (and keeps which file holds each entry), :mod:`.validate` makes
typed records, :mod:`.dataset` holds them all; :mod:`.config` the catalogues, :mod:`.cache` the cache
files, :mod:`.migration` the move to folders, :mod:`.git` every call of Git.

Sealed records (issue 27) live here too: the value format (:mod:`.sealing`), keys and identities
(:mod:`.keys`), the keyring outside the records' Git history (:mod:`.keyring`), the repository's public
side (:mod:`.repo`), opening right after load (:mod:`.unseal`, called by ``dataset.py`` only), and the
tools that rewrite files (:mod:`.seal_files`, :mod:`.encrypt`, :mod:`.withdraw`). Nothing above
``dataset.py`` ever sees a ciphertext.
"""
