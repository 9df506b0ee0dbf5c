"""Wage rules as data (issue 29): the statutory minimum wage with its source and date.

Facts like these change: the tool ships them in ``site_gen/data/minimum-wage.yaml``
with a source and a "Stand" date; the § 61 SGB IX check reads them.
"""

from __future__ import annotations

from typing import Annotated

from pydantic import Field

from .common import Date, Part, Text, field

Euro = Annotated[float, Field(strict=True, gt=0, le=100)]


class MinimumWageStep(Part):
    since: Date = field("Gilt ab", "Erster Tag, an dem der Betrag gilt.")
    euro_per_hour: Euro = field("Euro pro Stunde", "Gesetzlicher Mindestlohn brutto je Zeitstunde.")
    source: Text = field("Rechtsgrundlage", "Gesetz oder Verordnung, z. B. Fünfte Mindestlohnanpassungsverordnung.")


class MinimumWage(Part):
    """Gesetzlicher Mindestlohn (MiLoG § 1) mit Quelle und Stand."""

    as_of: Date = field("Stand", "Datum, an dem die Beträge zuletzt geprüft wurden.")
    steps: list[MinimumWageStep] = field("Beträge", "Die Beträge mit ihrem Beginn, in zeitlicher Reihenfolge.", min_length=1)
