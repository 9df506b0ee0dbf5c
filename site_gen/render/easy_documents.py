"""Documents for the participant in Leichte Sprache: the self-assessment form and the booklet "Mein Weg".

Large print, pictograms inline (no file to load, the no-load Content-Security-Policy of
standalone documents), no script. The pictograms are the job board's.
"""

from __future__ import annotations

from functools import cache
from pathlib import Path

from jinja2 import Environment
from markupsafe import Markup

from ..views.feedback import QuestionnaireContext
from ..views.my_way import MyWayContext
from ..views.self_assessment import FormContext
from .csp import DOCUMENT_CSP
from .jinja import make_environment

BOOKLET_CSP = DOCUMENT_CSP + "; media-src data:"
"""The no-load policy of standalone documents, plus the booklet's spoken sections (embedded as data: URIs)."""

PICTOS = Path(__file__).resolve().parent.parent / "static" / "public" / "pictos"

_MOUTHS = {1: "M20 46 Q32 34 44 46", 2: "M20 44 Q32 38 44 44", 3: "M20 42 L44 42", 4: "M20 40 Q32 47 44 40", 5: "M18 38 Q32 52 46 38"}
_COLOURS = {1: "#fbe3d6", 2: "#fdf0d5", 3: "#f2f2f2", 4: "#e3f1dc", 5: "#cfe8c3"}


@cache
def picto(name: str | None) -> Markup:
    """The board's pictogram ``name`` as inline SVG (hidden from screen readers: the text says it all)."""
    if name is None or not (PICTOS / f"{name}.svg").is_file():
        return Markup("")
    svg = (PICTOS / f"{name}.svg").read_text(encoding="utf-8")
    return Markup(svg.replace("<svg ", '<svg aria-hidden="true" class="picto" ', 1))


@cache
def face(rating: int) -> Markup:
    """A face for a step of the picture scale: sad (1) to happy (5)."""
    return Markup(f'<svg class="face" aria-hidden="true" xmlns="http://www.w3.org/2000/svg" viewBox="0 0 64 64">'
                  f'<circle cx="32" cy="32" r="29" fill="{_COLOURS[rating]}" stroke="#222" stroke-width="3"/>'
                  f'<circle cx="22" cy="25" r="4" fill="#222"/><circle cx="42" cy="25" r="4" fill="#222"/>'
                  f'<path d="{_MOUTHS[rating]}" fill="none" stroke="#222" stroke-width="4" stroke-linecap="round"/></svg>')


@cache
def _env() -> Environment:
    env = make_environment("leicht")
    env.globals["picto"] = picto
    env.globals["face"] = face
    env.globals["booklet_csp"] = BOOKLET_CSP
    return env


def render_form(ctx: FormContext) -> str:
    """The self-assessment form as one self-contained HTML page."""
    return _env().get_template("selbst.html.j2").render(ctx=ctx)


def render_my_way(ctx: MyWayContext) -> str:
    """The booklet "Mein Weg" as one self-contained HTML page (spoken sections embedded when ``ctx.audio`` has them)."""
    return _env().get_template("mein_weg.html.j2").render(ctx=ctx)


def speech(ctx: MyWayContext) -> dict[str, str]:
    """Section id → the text to speak (the section's heading and lines, as the page shows them)."""
    from .speech import speakable

    goals = ["Meine Ziele"] + [line for g in ctx.goals for line in (g.text, g.status) + ((g.review,) if g.review else ())]
    steps = ["Das habe ich schon gemacht"] + [line for e in ctx.steps for line in (e.when, *e.lines)]
    upcoming = ["Das kommt als Nächstes"] + [line for e in ctx.next for line in (e.when, *e.lines)]
    helpers = ["Diese Menschen helfen mir", f"Mein Coach: {ctx.coach}", f"Die Vertretung: {ctx.deputy}"]
    helpers += [f"Telefon: {ctx.team_phone}"] if ctx.team_phone else []
    consents = ["Meine Einwilligungen"] + [line for c in ctx.consents for line in (*c.lines, c.state)]
    consents += ["Ich kann jede Einwilligung zurück·nehmen.", "Ich sage es meinem Coach.", "Oder ich rufe das Team an."]
    return {key: speakable(lines) for key, lines in
            (("ziele", goals), ("weg", steps), ("naechstes", upcoming), ("hilfe", helpers), ("einwilligungen", consents))}


def render_questionnaire(ctx: QuestionnaireContext) -> str:
    """The feedback questionnaire after one phase as one self-contained HTML page."""
    return _env().get_template("rueckmeldung.html.j2").render(ctx=ctx)
