"""Writing records: the demo, new records and entries as commented skeletons (``new``, ``log``,
``kontakt``, group sessions), the ``init`` scaffold, and the JSON Schema files editors complete from."""
