"""Team time without a case (issue 29): ``team/<date>-<by>-<hash>.yaml``, one file per entry.

Supervision, further training, Betriebsakquise days, case conferences: work
of the team that belongs to no one person. Stored in the records repository's
``team/`` folder (organisation level, not in any case), one small file per
entry as ``site-gen log --team`` writes it, so two people never meet in a
merge conflict. No field holds a participant's data: the note is about the
work, never about a person.
"""

from __future__ import annotations

from enum import Enum

from .common import Bool, Date, Id, Int, Part, ShortText, field


class TeamActivity(str, Enum):
    """Kinds of team time (Haus Hall § 3: indirect services; HAA: time in the company)."""

    SUPERVISION = "supervision"
    TRAINING = "fortbildung"
    ACQUISITION = "betriebsakquise"
    EMPLOYER_CARE = "betriebsbetreuung"
    CASE_CONFERENCE = "fallbesprechung"
    TEAM_MEETING = "teamsitzung"
    NETWORK = "netzwerkarbeit"
    PUBLIC_RELATIONS = "oeffentlichkeitsarbeit"
    COURSE_PREPARATION = "kursvorbereitung"
    ADMINISTRATION = "verwaltung"
    OTHER = "sonstiges"


TEAM_ACTIVITY_LABELS: dict[object, str] = {
    TeamActivity.SUPERVISION: "Supervision",
    TeamActivity.TRAINING: "Fortbildung",
    TeamActivity.ACQUISITION: "Betriebsakquise",
    TeamActivity.EMPLOYER_CARE: "Betriebsbetreuung (ohne Akte)",
    TeamActivity.CASE_CONFERENCE: "Fallbesprechung",
    TeamActivity.TEAM_MEETING: "Teamsitzung",
    TeamActivity.NETWORK: "Netzwerkarbeit",
    TeamActivity.PUBLIC_RELATIONS: "Öffentlichkeitsarbeit",
    TeamActivity.COURSE_PREPARATION: "Kursvorbereitung",
    TeamActivity.ADMINISTRATION: "Verwaltung",
    TeamActivity.OTHER: "Sonstiges",
}

IN_COMPANY_BY_DEFAULT = frozenset({TeamActivity.ACQUISITION, TeamActivity.EMPLOYER_CARE})
"""Activities that take place in companies unless the entry says otherwise."""


class TeamTime(Part):
    """Teamzeit ohne Akte: Art der Arbeit, Minuten, Fachkraft."""

    date: Date = field("Datum", "Tag der Arbeit.")
    activity: TeamActivity = field(
        "Tätigkeit", "Art der Arbeit: Supervision, Fortbildung, Betriebsakquise, Betriebsbetreuung, Fallbesprechung, Teamsitzung, "
        "Netzwerkarbeit, Öffentlichkeitsarbeit, Kursvorbereitung, Verwaltung oder Sonstiges.")
    minutes: Int = field("Minuten", "Dauer in Minuten, höchstens 600 (10 Stunden) je Eintrag.", gt=0, le=600)
    by: Id = field("Von", "Kennung der Fachkraft (Personal).")
    in_company: Bool | None = field(
        "Im Betrieb", "Ob die Zeit in Betrieben verbracht wurde (HAA: „50 % unserer Zeit im Betrieb“). "
        "Ohne Angabe: ja bei Betriebsakquise und Betriebsbetreuung, sonst nein.", default=None)
    note: ShortText | None = field(
        "Notiz", "Kurze Notiz zur Arbeit (optional). Nie Angaben über Teilnehmende.", default=None)

    @property
    def counts_in_company(self) -> bool:
        """Whether this time counts as time in companies."""
        return self.in_company if self.in_company is not None else self.activity in IN_COMPANY_BY_DEFAULT
