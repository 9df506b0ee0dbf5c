"""The engine edge: what turns rendered pages into published sites.

``records`` selects what a site may show, ``mkdocs`` and ``pagefind`` run the
engines, ``publish`` stages, swaps and guards the output, ``internal`` puts
the internal build together. Commands call these; views and render never do.
"""
