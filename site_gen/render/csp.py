"""Content-Security-Policies: the one for the served sites, one for standalone documents.

The served sites' policy is documented for the web server (``site_gen/help/betrieb.md``)
and carried by every page as ``<meta http-equiv>`` too, so a page is protected
even where the server header is missing. Standalone documents (briefing,
export, application folder) load nothing and run nothing.
"""

from __future__ import annotations

CSP = ("default-src 'self'; script-src 'self' 'wasm-unsafe-eval'; style-src 'self' 'unsafe-inline'; "
       "img-src 'self' data:; font-src 'self'; connect-src 'self'; object-src 'none'; base-uri 'self'; "
       "form-action 'self'; frame-ancestors 'none'")
"""The server header of the internal site and the job board (Pagefind needs 'wasm-unsafe-eval')."""
DOCUMENT_CSP = "default-src 'none'; style-src 'unsafe-inline'; img-src data:; base-uri 'none'; form-action 'none'"
"""Self-contained HTML documents: inline styles and data: images only."""

META_UNSUPPORTED = ("frame-ancestors", "report-uri", "report-to", "sandbox")
"""Directives a ``<meta>`` policy may not carry (CSP Level 3, § 6.1): only the server header can."""


def meta_csp(csp: str = CSP) -> str:
    """The policy as it can stand in a page's ``<meta http-equiv>``: the header without the header-only directives."""
    return "; ".join(d.strip() for d in csp.split(";") if d.strip() and d.split()[0] not in META_UNSUPPORTED)
