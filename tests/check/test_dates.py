"""Dates: the fast branch of ``Date`` (pydantic-core alone) accepts and reports exactly what the YAML rule did.

The reference is the rule as it was before the fast branch: one Python
validator per date (``_date_from_yaml``) in front of pydantic's ``date``.
"""

from __future__ import annotations

import datetime as dt
from typing import Annotated, Any

import pytest
from pydantic import BeforeValidator

from site_gen.models import common
from site_gen.models.common import Date, Part, _date_from_yaml
from site_gen.records import validate as validate_module
from site_gen.records.validate import validate


class Now(Part):
    day: Date
    maybe: Date | None = None
    days: tuple[Date, ...] = ()


class Before(Part):
    day: Annotated[dt.date, BeforeValidator(_date_from_yaml)]
    maybe: Annotated[dt.date, BeforeValidator(_date_from_yaml)] | None = None
    days: tuple[Annotated[dt.date, BeforeValidator(_date_from_yaml)], ...] = ()


ODD: list[Any] = [" 2025-03-01", "2025-03-01 ", "2025-03-01\n", "2025-3-01", "2025-03-1", "1.3.2025", "2025/03/01", "2025-03-01T10:00",
                  "２０２５-03-01", "2025-０3-01", "2025-0a-01", "2025-+1-01", "+202-03-01", "abcd-ef-gh", "", "20250301", "2025-W09-6",
                  20250301, 2025.5, True, None, [], {}, b"2025-03-01", dt.date(2025, 3, 1), dt.datetime(2025, 3, 1)]


def outcome(model: type[Part], value: Any) -> tuple[Any, list[str]]:
    record, findings = validate(model, {"day": value, "maybe": value, "days": [value, "2026-01-01"]}, "x.yaml")
    return (record.day, record.maybe, record.days) if record else None, [f"{f.loc} {f.code} {f.message} {f.hint}" for f in findings]


def iso_strings() -> list[str]:
    years = ["0000", "0001", "0004", "1582", "1900", "2000", "2024", "2025", "2100", "9999"]
    return [f"{y}-{m:02d}-{d:02d}" for y in years for m in range(14) for d in range(33)]


@pytest.mark.parametrize("chunk", range(4))
def test_iso_strings_give_the_same_dates_and_findings(chunk: int) -> None:
    values = iso_strings()[chunk::4]
    assert [outcome(Now, v) for v in values] == [outcome(Before, v) for v in values]


@pytest.mark.parametrize("value", ODD, ids=[repr(v) for v in ODD])
def test_odd_values_give_the_same_findings(value: Any) -> None:
    assert outcome(Now, value) == outcome(Before, value)


def test_the_fast_branch_tag_is_spelled_alike() -> None:
    assert validate_module.ISO_DATE_BRANCH == common.ISO_DATE_BRANCH


def test_the_json_schema_is_a_plain_date() -> None:
    assert Now.model_json_schema()["properties"]["day"] == Before.model_json_schema()["properties"]["day"]
