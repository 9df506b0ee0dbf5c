"""Matching people and workplaces on the shared profile catalogue (pure, no I/O).

* :mod:`.profile` — which ability ratings may be used (consent, latest assessment).
* :mod:`.compare` — ability vs requirement per catalogue item, with flags and a German summary.
* :mod:`.keywords` — the small German word matcher behind "wishes and interests".
* :mod:`.features` — what the score needs from a case or a workplace.
* :mod:`.rank` — the documented score formula with German reasons per pair.
* :mod:`.matrix` — the same formula vectorised with numpy for rankings and overviews.
"""
