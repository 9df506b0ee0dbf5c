"""Rules both the checks and the views need (retention, …): pure functions over records and the Dataset.

Sits above ``records`` and below ``checking`` and ``views``: it imports neither of them.
"""
