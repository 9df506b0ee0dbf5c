"""The check engine: every record judged, findings as values.

:mod:`.engine` runs the full check (what ``check``, CI, ``build`` and ``serve`` judge), reusing the
per-unit cache (:mod:`.units`, :mod:`.unit_cache`); :mod:`.incremental` judges a commit for the
hook; :mod:`.reporter` is the only place findings are printed; :mod:`.rules` holds one module per
family of rules (pure functions ``(Dataset, today) -> findings``).
"""
