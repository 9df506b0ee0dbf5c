"""site_gen: records, checks and sites for supported-employment teams."""

__version__ = "0.1.0"
