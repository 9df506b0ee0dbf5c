"""A Markdown extension for site-gen's own pages: the same HTML, with less inline work.

Python-Markdown tries every inline pattern on every piece of text. On the
pages site-gen writes, most of them can never match: record text reaches the
Markdown with every special character as an entity (``render.md_escape``),
and the templates and help pages use only code spans, links, raw HTML,
entities and emphasis. Half of mkdocs' time on a dossier went into trying the
rest, and into one slow step of the link pattern: since Python-Markdown 3.11
each link-like pattern (reference, link, image, short reference …) finds the
closing ``]`` by walking the whole text once per text, character by
character, and again after every link it replaced.

So this extension, which only the internal site's mkdocs build loads (see
:mod:`site_gen.site.mkdocs_hooks`):

* removes the inline patterns nothing of ours produces (:data:`UNUSED`);
* finds a link's closing ``]`` with ``str.find`` when no ``[`` comes first
  (our link texts never nest brackets), else the library's own way.

A test builds the demo site with and without it: the HTML is byte-identical.
"""

from __future__ import annotations

from typing import Any

from markdown import Extension, Markdown
from markdown.inlinepatterns import LINK_RE, LinkInlineProcessor

UNUSED = ("escape", "reference", "image_link", "image_reference", "short_reference", "short_image_ref", "autolink", "automail",
          "linebreak")
"""Inline patterns no page of ours needs: backslash escapes, reference links, images, ``<…>`` links, two-space line breaks."""


class _Link(LinkInlineProcessor):
    """The link pattern, with a quick path for link texts without nested brackets."""

    def getText(self, data: str, index: int) -> tuple[str, int, bool]:
        end = data.find("]", index)
        if end != -1 and data.find("[", index, end) == -1:
            return data[index:end], end + 1, True
        return super().getText(data, index)


class SiteGenMarkdown(Extension):
    """See the module doc."""

    def extendMarkdown(self, md: Markdown) -> None:
        for name in UNUSED:
            md.inlinePatterns.deregister(name, strict=False)
        md.inlinePatterns.register(_Link(LINK_RE, md), "link", 160)


def makeExtension(**kwargs: Any) -> SiteGenMarkdown:
    return SiteGenMarkdown(**kwargs)
