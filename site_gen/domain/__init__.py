"""Rules both the checks and the views need (retention, …): pure functions over records and the Dataset.

Sits above ``dataset`` and below ``checks`` and ``views``: it imports neither of them.
"""
